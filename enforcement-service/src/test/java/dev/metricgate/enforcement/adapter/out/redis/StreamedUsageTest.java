package dev.metricgate.enforcement.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.domain.FailureMode;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.RouteRate;
import dev.metricgate.enforcement.domain.TenantLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamedUsageTest {

    private final TenantLimits reseller = tenant(1);
    private final TenantLimits customer = tenant(2);
    private final List<LimitCheck> checks = List.of(
            LimitCheck.rate(customer),
            LimitCheck.route(customer, "POST /v1/a|b", new RouteRate(5, 5)),
            LimitCheck.rate(reseller));
    private final UsageEvent allowed = new UsageEvent(
            UUID.randomUUID(),
            Instant.ofEpochMilli(1_800_000_000_123L),
            customer.tenantId(),
            UUID.randomUUID(),
            "POST /v1/a|b",
            3,
            UsageEvent.Outcome.ALLOWED,
            null,
            null,
            null,
            List.of(reseller.tenantId(), customer.tenantId()));

    @Test
    void givenAnAllowedDecision_whenDecoded_thenItIsTheEventAsWritten() {
        assertThat(decode(0, 0)).isEqualTo(allowed);
    }

    @Test
    void givenADenialByTheThirdLimit_whenDecoded_thenTheResellerAndItsPolicyDenied() {
        UsageEvent denied = decode(1, 3);

        assertThat(denied.outcome()).isEqualTo(UsageEvent.Outcome.DENIED);
        assertThat(denied.deniedPolicy()).isEqualTo("rate");
        assertThat(denied.deniedTenantId()).isEqualTo(reseller.tenantId());
        assertThat(denied.deniedLevel()).isEqualTo(1);
        assertThat(denied.route()).isEqualTo("POST /v1/a|b");
        assertThat(denied.eventId()).isEqualTo(allowed.eventId());
    }

    @Test
    void givenAShadowDenialByTheRouteLimit_whenDecoded_thenItIsAShadowDenialOfTheCustomersRoute() {
        UsageEvent shadow = decode(2, 2);

        assertThat(shadow.outcome()).isEqualTo(UsageEvent.Outcome.SHADOW_DENIED);
        assertThat(shadow.deniedPolicy()).isEqualTo("route");
        assertThat(shadow.deniedTenantId()).isEqualTo(customer.tenantId());
        assertThat(shadow.deniedLevel()).isEqualTo(2);
    }

    @Test
    void givenARecordOfTheVersionBeforeChains_whenDecoded_thenItIsReadWithAnEmptyChain() {
        String written = new String(StreamedUsage.encode(allowed, checks), StandardCharsets.UTF_8);
        // version 1 had no chain field: drop it and the version number
        String[] fields = written.split("\\|", 9);
        String versionOne =
                String.join("|", "1", fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[8]);

        UsageEvent read = StreamedUsage.decode(versionOne, 0, 0);

        assertThat(read.chain()).isEmpty();
        assertThat(read.route()).isEqualTo("POST /v1/a|b");
        assertThat(read.eventId()).isEqualTo(allowed.eventId());
    }

    @Test
    void givenSomethingElse_whenDecoded_thenItIsRefused() {
        assertThatThrownBy(() -> StreamedUsage.decode("{\"eventId\":1}", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private UsageEvent decode(int verdict, int deniedIndex) {
        String record = new String(StreamedUsage.encode(allowed, checks), StandardCharsets.UTF_8);
        return StreamedUsage.decode(record, verdict, deniedIndex);
    }

    private static TenantLimits tenant(int level) {
        return new TenantLimits(
                UUID.randomUUID(),
                level,
                true,
                ZoneOffset.UTC,
                1,
                new RouteRate(10, 10),
                null,
                Map.of(),
                FailureMode.FAIL_SOFT,
                false);
    }
}
