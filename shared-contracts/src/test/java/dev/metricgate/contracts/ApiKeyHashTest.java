package dev.metricgate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyHashTest {

    @Test
    void hashIsSha256Base64UrlOfTheWholeKey() {
        // python3: base64.urlsafe_b64encode(hashlib.sha256(b"mg_abc").digest()), padding removed
        assertThat(ApiKeyHash.of("mg_abc")).isEqualTo("q3rmSZ5GnQLt7RBFTjmkEm7s003D92d7PtzpBB_Lwz4");
    }

    @Test
    void differentKeysHashDifferently_andTheHashNeverContainsTheKey() {
        String key = "mg_k1a2b3c4_secretsecretsecret";

        assertThat(ApiKeyHash.of(key)).isNotEqualTo(ApiKeyHash.of(key + "x"));
        assertThat(ApiKeyHash.of(key)).doesNotContain("secret").hasSize(43);
    }
}
