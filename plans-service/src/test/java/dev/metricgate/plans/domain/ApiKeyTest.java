package dev.metricgate.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static ApiKey key(Instant expiresAt) {
        return ApiKey.issue(UUID.randomUUID(), UUID.randomUUID(), "mg_abc", "ci", "hash", expiresAt, NOW);
    }

    /** 43 characters of a 62-letter alphabet carry about 256 bits, well above the 128 required. */
    @Test
    void givenGeneratedSecrets_whenInspected_thenPrefixedRecognisableAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ApiKeySecret secret = ApiKeySecret.generate();
            assertThat(secret.plaintext()).matches("mg_[0-9a-z]{12}_[0-9A-Za-z]{43}");
            assertThat(secret.plaintext()).startsWith(secret.prefix() + "_");
            assertThat(secret.toString()).doesNotContain(secret.plaintext().substring(16));
            seen.add(secret.plaintext());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void givenRotatedKey_whenGraceRuns_thenRotatingUntilItEndsThenExpired() {
        ApiKey key = key(null);

        key.rotate(UUID.randomUUID(), Duration.ofSeconds(60), NOW);

        assertThat(key.statusAt(NOW.plusSeconds(59))).isEqualTo(ApiKeyStatus.ROTATING);
        assertThat(key.statusAt(NOW.plusSeconds(60))).isEqualTo(ApiKeyStatus.EXPIRED);
    }

    @Test
    void givenGraceAboveThirtyDays_whenRotating_thenRejectedAndUnchanged() {
        ApiKey key = key(null);

        assertThatThrownBy(
                        () -> key.rotate(UUID.randomUUID(), Duration.ofDays(30).plusSeconds(1), NOW))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("api_key.invalid_grace_period");
        assertThat(key.statusAt(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void givenRevokedOrRotatingKey_whenRotatingAgain_thenConflict() {
        ApiKey revoked = key(null);
        revoked.revoke(NOW);
        ApiKey rotating = key(null);
        rotating.rotate(UUID.randomUUID(), Duration.ofHours(1), NOW);

        assertThatThrownBy(() -> revoked.rotate(UUID.randomUUID(), Duration.ZERO, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rotating.rotate(UUID.randomUUID(), Duration.ZERO, NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void givenExpiry_whenItPasses_thenExpired() {
        ApiKey key = key(NOW.plusSeconds(10));

        assertThat(key.statusAt(NOW.plusSeconds(9))).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(key.statusAt(NOW.plusSeconds(10))).isEqualTo(ApiKeyStatus.EXPIRED);
    }

    @Test
    void givenRevokedKey_whenRevokedAgain_thenNothingChanges() {
        ApiKey key = key(null);

        assertThat(key.revoke(NOW)).isTrue();
        assertThat(key.revoke(NOW.plusSeconds(5))).isFalse();
        assertThat(key.revokedAt()).isEqualTo(NOW);
        assertThat(key.statusAt(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
    }
}
