package dev.metricgate.usage.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.usage.application.port.out.QuotaAlertStore;
import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.domain.ExportRow;
import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.GroupBy;
import dev.metricgate.usage.domain.QuotaAlert;
import dev.metricgate.usage.domain.QuotaThreshold;
import dev.metricgate.usage.domain.Tenant;
import dev.metricgate.usage.domain.TimeRange;
import dev.metricgate.usage.domain.UsageCounts;
import dev.metricgate.usage.domain.UsagePoint;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The once-per-period rule, with the ports replaced by in-memory versions of their contracts. */
class EvaluateQuotaAlertsTest {

    private final UUID tenantId = UUID.randomUUID();
    private final Tenant tenant = new Tenant(
            tenantId, "t", "CUSTOMER", null, 1, "ACTIVE", ZoneId.of("Europe/Berlin"), 15, 100L, Instant.EPOCH);
    private final Map<Instant, Long> usedByPeriodStart = new HashMap<>();
    private final List<QuotaAlert> stored = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-20T12:00:00Z");

    @Test
    void givenThresholdsReached_whenEvaluatedRepeatedly_thenEachFiresOncePerPeriod() {
        Instant march = Instant.parse("2026-03-14T23:00:00Z");
        Instant april = Instant.parse("2026-04-14T22:00:00Z");
        var evaluate = evaluateQuotaAlerts();

        usedByPeriodStart.put(march, 85L);
        var first = evaluate.evaluateAll();
        var again = evaluate.evaluateAll();
        usedByPeriodStart.put(march, 120L);
        var beyond = evaluate.evaluateAll();
        now = Instant.parse("2026-04-20T12:00:00Z");
        usedByPeriodStart.put(april, 80L);
        var nextPeriod = evaluate.evaluateAll();

        assertThat(first).extracting(QuotaAlert::threshold).containsExactly(QuotaThreshold.EIGHTY_PERCENT);
        assertThat(first.getFirst().periodStart()).isEqualTo(march);
        assertThat(again).isEmpty();
        assertThat(beyond).extracting(QuotaAlert::threshold).containsExactly(QuotaThreshold.HUNDRED_PERCENT);
        assertThat(nextPeriod).extracting(QuotaAlert::threshold).containsExactly(QuotaThreshold.EIGHTY_PERCENT);
        assertThat(nextPeriod.getFirst().periodStart()).isEqualTo(april);
        assertThat(stored).hasSize(3);
    }

    private EvaluateQuotaAlerts evaluateQuotaAlerts() {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new EvaluateQuotaAlerts(
                new AlertCandidates(), new Directory(), new Reports(), new Alerts(), new Direct(), clock);
    }

    private class Directory implements TenantDirectory {
        @Override
        public Optional<Tenant> find(UUID id) {
            return id.equals(tenantId) ? Optional.of(tenant) : Optional.empty();
        }

        @Override
        public List<UUID> chain(UUID id) {
            return List.of(id);
        }

        @Override
        public boolean apply(Tenant t) {
            return false;
        }

        @Override
        public boolean markProcessed(UUID eventId, String source) {
            return true;
        }

        @Override
        public List<Tenant> withQuota() {
            return List.of(tenant);
        }
    }

    private class Reports implements UsageReports {
        @Override
        public List<UsagePoint> timeSeries(
                UUID id, boolean d, TimeRange r, Granularity g, GroupBy b, java.time.ZoneId z) {
            return List.of();
        }

        @Override
        public UsageCounts totals(UUID id, boolean includeDescendants, TimeRange range) {
            return new UsageCounts(0, 0, 0, usedByPeriodStart.getOrDefault(range.from(), 0L), 0);
        }

        @Override
        public void export(UUID id, boolean d, TimeRange r, Granularity g, Consumer<ExportRow> sink) {}
    }

    /** Unique on tenant, period start and threshold, like the real table. */
    private class Alerts implements QuotaAlertStore {
        @Override
        public boolean recordIfNew(QuotaAlert alert) {
            boolean exists = stored.stream()
                    .anyMatch(a -> a.tenantId().equals(alert.tenantId())
                            && a.periodStart().equals(alert.periodStart())
                            && a.threshold() == alert.threshold());
            if (exists) {
                return false;
            }
            stored.add(alert);
            return true;
        }

        @Override
        public List<QuotaAlert> unpublished(int limit) {
            return List.of();
        }

        @Override
        public List<QuotaAlert> ofTenant(java.util.UUID tenantId, int limit) {
            return stored.stream().filter(a -> a.tenantId().equals(tenantId)).toList();
        }

        @Override
        public void markPublished(QuotaAlert alert) {}
    }

    private static class Direct implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T readOnly(Supplier<T> work) {
            return work.get();
        }
    }
}
