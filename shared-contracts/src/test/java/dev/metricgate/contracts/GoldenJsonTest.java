package dev.metricgate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.PlanChangeEvent.ApiKeyRef;
import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.contracts.PlanChangeEvent.TenantSnapshot;
import dev.metricgate.contracts.UsageEvent.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the wire format: each event read from its golden file equals the expected record, and
 * writing it back yields the same JSON tree. A renamed field or changed type fails here first.
 */
class GoldenJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void planChangeEvent_roundTripsThroughGoldenJson() throws IOException {
        var expected = new PlanChangeEvent(
                UUID.fromString("6f1c2a0e-8a4b-4c57-9d35-1b0f3f2d7a11"),
                ChangeType.API_KEY_REVOKED,
                Instant.parse("2026-11-22T10:15:30.123Z"),
                UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                null,
                List.of(new TenantSnapshot(
                        UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                        "Acme Shop",
                        "CUSTOMER",
                        UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
                        2,
                        "ACTIVE",
                        "Europe/Berlin",
                        15,
                        100_000L)),
                List.of(new ApiKeyRef(
                        UUID.fromString("9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"),
                        "q3v8cGk2m1Xk3yF0mS1nR0p7y9bA4cD2eF6gH8jK0lM",
                        "REVOKED")));

        assertRoundTrip("plan-change-event.json", PlanChangeEvent.class, expected);
    }

    @Test
    void tenantMovedEvent_roundTripsThroughGoldenJsonWithBothRoots() throws IOException {
        UUID newRoot = UUID.fromString("4d5e6f70-8192-4a3b-8c4d-5e6f708192a3");
        var expected = new PlanChangeEvent(
                UUID.fromString("3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d"),
                ChangeType.TENANT_MOVED,
                Instant.parse("2026-11-22T10:15:30Z"),
                UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                null,
                List.of(new TenantSnapshot(
                        UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                        "Acme Shop",
                        "CUSTOMER",
                        newRoot,
                        2,
                        "ACTIVE",
                        "Europe/Berlin",
                        15,
                        100_000L)),
                List.of(),
                new PlanChangeEvent.Move(UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), newRoot));

        assertRoundTrip("tenant-moved-event.json", PlanChangeEvent.class, expected);
    }

    @Test
    void usageEvent_roundTripsThroughGoldenJson() throws IOException {
        var expected = new UsageEvent(
                UUID.fromString("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"),
                Instant.parse("2026-11-22T10:15:30.500Z"),
                UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                UUID.fromString("9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"),
                "POST /v1/orders",
                3,
                Outcome.DENIED,
                "quota",
                UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
                1,
                List.of(
                        UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
                        UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f")));

        assertRoundTrip("usage-event.json", UsageEvent.class, expected);
    }

    @Test
    void usageEventOfAnEarlierVersion_readsWithAnEmptyChain() {
        var event = mapper.readValue("""
                {"eventId":"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d","occurredAt":"2026-11-22T10:15:30Z",
                 "tenantId":"0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f","route":"*","cost":1,"outcome":"ALLOWED"}
                """, UsageEvent.class);

        assertThat(event.chain()).isEmpty();
    }

    @Test
    void quotaAlertEvent_roundTripsThroughGoldenJson() throws IOException {
        var expected = new QuotaAlertEvent(
                UUID.fromString("7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"),
                UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                80,
                Instant.parse("2026-11-14T23:00:00Z"),
                Instant.parse("2026-12-14T23:00:00Z"),
                100_000,
                80_003,
                Instant.parse("2026-11-22T10:15:31Z"));

        assertRoundTrip("quota-alert-event.json", QuotaAlertEvent.class, expected);
    }

    @Test
    void planChangeEvent_withUnknownFieldsAndMissingLists_isReadWithEmptyLists() {
        String json = """
                {"eventId":"6f1c2a0e-8a4b-4c57-9d35-1b0f3f2d7a11","type":"PLAN_UPDATED",
                 "occurredAt":"2026-11-22T10:15:30Z","planId":"0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f",
                 "addedInALaterVersion":true}
                """;

        PlanChangeEvent event = mapper.readerFor(PlanChangeEvent.class)
                .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(json);

        assertThat(event.type()).isEqualTo(ChangeType.PLAN_UPDATED);
        assertThat(event.tenants()).isEmpty();
        assertThat(event.apiKeys()).isEmpty();
        assertThat(event.move()).isNull();
    }

    @Test
    void keyResolution_roundTripsThroughGoldenJson() throws IOException {
        var root = new KeyResolution.TenantLevel(
                UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
                1,
                "ACTIVE",
                "UTC",
                1,
                UUID.fromString("5f4e3d2c-1b0a-4987-8654-3210fedcba98"),
                new KeyResolution.EffectiveLimits(1000, 2000, 10_000_000L, List.of(), "FAIL_SOFT", false));
        var customer = new KeyResolution.TenantLevel(
                UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                2,
                "ACTIVE",
                "Europe/Berlin",
                15,
                UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"),
                new KeyResolution.EffectiveLimits(
                        100,
                        200,
                        100_000L,
                        List.of(new KeyResolution.RouteLimit("POST /v1/orders", 5, 10)),
                        "FAIL_CLOSED",
                        false));
        var expected = new KeyResolution(
                UUID.fromString("9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"),
                UUID.fromString("0b6a9c1e-2f35-4e7a-8d4c-5a1b2c3d4e5f"),
                "ROTATING",
                null,
                Instant.parse("2026-11-23T10:15:30Z"),
                List.of(root, customer));

        assertRoundTrip("key-resolution.json", KeyResolution.class, expected);
    }

    private <T> void assertRoundTrip(String golden, Class<T> type, T expected) throws IOException {
        JsonNode goldenTree;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + golden)) {
            goldenTree = mapper.readTree(in);
        }

        T read = mapper.treeToValue(goldenTree, type);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(read));

        assertThat(read).isEqualTo(expected);
        assertThat(written).isEqualTo(goldenTree);
    }
}
