package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.ApiKeyHash;
import dev.metricgate.testsupport.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API keys: plaintext once, only hashes stored, rotation with grace, revocation, internal look-up. */
class ApiKeyIT extends PlansServiceITBase {

    private static final String SERVICE = Tokens.service("enforcement-service", "plans-service", "internal-service");

    /** The contract file of shared-contracts, read from the source tree (the build runs in this module). */
    private static final Path GOLDEN = Path.of("../shared-contracts/src/test/resources/golden/key-resolution.json");

    private Reply resolve(String key) {
        return get("/internal/v1/key-resolutions/" + ApiKeyHash.of(key), SERVICE);
    }

    @Test
    void givenNewKey_whenCreated_thenPlaintextOnceAndNeverListedNorStored() {
        UUID tenant = customer(reseller(null));

        Reply created = post("/v1/tenants/" + tenant + "/api-keys", ADMIN, map("name", "ci"));
        String key = created.json().get("key").asString();
        Reply list = get("/v1/tenants/" + tenant + "/api-keys", ADMIN);

        assertThat(created.status()).isEqualTo(201);
        assertThat(key)
                .startsWith("mg_" + created.json().get("prefix").asString().substring(3) + "_");
        assertThat(key.length()).isGreaterThanOrEqualTo(3 + 12 + 1 + 22);
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).has("key")).isFalse();
        assertThat(list.raw()).doesNotContain(key.substring(16));
        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_keys where tenant_id = ?", tenant);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().values().toString()).doesNotContain(key.substring(16));
        assertThat(rows.getFirst().get("key_hash")).isEqualTo(ApiKeyHash.of(key));
        assertThat(count(
                        "select count(*) from outbox_events where payload::text like ?", "%" + key.substring(16) + "%"))
                .isZero();
        assertThat(count("select count(*) from audit_events where summary like ?", "%" + key.substring(16) + "%"))
                .isZero();
    }

    @Test
    void givenManyKeys_whenGenerated_thenAllDistinct() {
        UUID tenant = reseller(null);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            keys.add(post("/v1/tenants/" + tenant + "/api-keys", ADMIN, null)
                    .json()
                    .get("key")
                    .asString());
        }
        assertThat(keys).hasSize(20);
    }

    @Test
    void givenKey_whenResolvedInternally_thenChainRootFirstWithEffectiveLimits() {
        UUID plan = createPlan(plan(null, 100, 10_000L));
        UUID root = createTenant("RESELLER", null, plan);
        UUID shop = customer(root);
        String key = post("/v1/tenants/" + shop + "/api-keys", ADMIN, null)
                .json()
                .get("key")
                .asString();

        Reply reply = resolve(key);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("tenantId").asString()).isEqualTo(shop.toString());
        assertThat(reply.json().get("status").asString()).isEqualTo("ACTIVE");
        JsonNode chain = reply.json().get("chain");
        assertThat(chain.size()).isEqualTo(2);
        assertThat(chain.get(0).get("tenantId").asString()).isEqualTo(root.toString());
        assertThat(chain.get(0).get("level").asInt()).isEqualTo(1);
        assertThat(chain.get(1).get("tenantId").asString()).isEqualTo(shop.toString());
        assertThat(chain.get(1).at("/limits/requestsPerSecond").asInt()).isEqualTo(100);
        assertThat(chain.get(1).at("/limits/monthlyQuota").asLong()).isEqualTo(10_000L);
        assertThat(chain.get(1).at("/limits/failureMode").asString()).isEqualTo("FAIL_SOFT");
    }

    @Test
    void givenRotation_whenGraceRuns_thenBothResolveUntilItEndsThenOnlyTheNewOne() throws Exception {
        UUID tenant = reseller(null);
        Reply created = post("/v1/tenants/" + tenant + "/api-keys", ADMIN, null);
        String oldKey = created.json().get("key").asString();

        Reply rotated = post(
                "/v1/api-keys/" + created.json().get("id").asString() + "/rotate", ADMIN, map("gracePeriodSeconds", 1));
        String newKey = rotated.json().get("key").asString();
        Reply oldDuringGrace = resolve(oldKey);
        Reply newDuringGrace = resolve(newKey);

        assertThat(rotated.status()).isEqualTo(201);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(oldDuringGrace.json().get("status").asString()).isEqualTo("ROTATING");
        Instant graceEndsAt =
                Instant.parse(oldDuringGrace.json().get("graceEndsAt").asString());
        assertThat(newDuringGrace.json().get("status").asString()).isEqualTo("ACTIVE");

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), graceEndsAt).toMillis() + 50));

        assertThat(resolve(oldKey).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(resolve(newKey).json().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void givenDefaultGrace_whenRotating_thenOldKeyValidForOneDay() {
        UUID tenant = reseller(null);
        Reply created = post("/v1/tenants/" + tenant + "/api-keys", ADMIN, null);

        Instant before = Instant.now();
        post("/v1/api-keys/" + created.json().get("id").asString() + "/rotate", ADMIN, null);
        Reply old = resolve(created.json().get("key").asString());

        Instant graceEndsAt = Instant.parse(old.json().get("graceEndsAt").asString());
        assertThat(graceEndsAt).isBetween(before.plusSeconds(86_399), before.plusSeconds(86_460));
    }

    @Test
    void givenKey_whenRevoked_thenInternalLookupReportsRevoked() {
        UUID tenant = reseller(null);
        Reply created = post("/v1/tenants/" + tenant + "/api-keys", ADMIN, null);

        Reply revoke = delete("/v1/api-keys/" + created.json().get("id").asString(), ADMIN);
        Reply again = delete("/v1/api-keys/" + created.json().get("id").asString(), ADMIN);

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(resolve(created.json().get("key").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REVOKED");
    }

    @Test
    void givenTenantWithKeys_whenDeleted_thenKeysAreRevoked() {
        UUID tenant = reseller(null);
        String key = post("/v1/tenants/" + tenant + "/api-keys", ADMIN, null)
                .json()
                .get("key")
                .asString();

        delete("/v1/tenants/" + tenant, ADMIN);

        assertThat(resolve(key).json().get("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    void givenSuspendedReseller_whenResolvingCustomerKey_thenChainShowsTheSuspensionAndCalendars() {
        UUID root = reseller(null);
        Reply shop = post(
                "/v1/tenants",
                ADMIN,
                map(
                        "name",
                        "shop",
                        "kind",
                        "CUSTOMER",
                        "parentId",
                        root,
                        "timeZone",
                        "Europe/Berlin",
                        "billingAnchorDay",
                        15));
        String key = post("/v1/tenants/" + shop.json().get("id").asString() + "/api-keys", ADMIN, null)
                .json()
                .get("key")
                .asString();

        patch("/v1/tenants/" + root, ADMIN, map("status", "SUSPENDED"));
        JsonNode chain = resolve(key).json().get("chain");

        assertThat(chain.get(0).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(chain.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(chain.get(1).get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(chain.get(1).get("billingAnchorDay").asInt()).isEqualTo(15);
    }

    @Test
    void givenUnknownHash_whenResolving_thenNotFoundProblem() {
        Reply reply = resolve("mg_unknown_" + UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("api_key.not_found");
    }

    @Test
    void givenAdminOrNoToken_whenResolving_thenRefused() {
        String path = "/internal/v1/key-resolutions/" + ApiKeyHash.of("mg_x_y");

        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get(path, ADMIN).status()).isEqualTo(403);
        assertThat(get(path, Tokens.tenantAdmin(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(get(path, Tokens.service("enforcement-service", "usage-service", "internal-service"))
                        .status())
                .isEqualTo(403);
        assertThat(get(path, Tokens.service("some-client", "plans-service")).status())
                .isEqualTo(403);
    }

    @Test
    void givenResolution_whenSerialized_thenFieldNamesMatchTheGoldenContract() throws Exception {
        UUID plan = createPlan(map(
                "name", "routes",
                "rateLimit", map("requestsPerSecond", 10, "burst", 20),
                "routeLimits", List.of(map("route", "GET /x", "requestsPerSecond", 1, "burst", 2))));
        UUID root = createTenant("RESELLER", null, plan);
        String key = post("/v1/tenants/" + root + "/api-keys", ADMIN, null)
                .json()
                .get("key")
                .asString();
        JsonNode golden = JSON.readTree(Files.readString(GOLDEN));
        JsonNode actual = resolve(key).json();

        assertThat(fieldNames(actual)).isEqualTo(fieldNames(golden));
        assertThat(fieldNames(actual.at("/chain/0"))).isEqualTo(fieldNames(golden.at("/chain/0")));
        assertThat(fieldNames(actual.at("/chain/0/limits"))).isEqualTo(fieldNames(golden.at("/chain/0/limits")));
        assertThat(fieldNames(actual.at("/chain/0/limits/routeLimits/0")))
                .isEqualTo(fieldNames(golden.at("/chain/1/limits/routeLimits/0")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new HashSet<>(node.propertyNames());
    }
}
