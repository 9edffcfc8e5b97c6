package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.PartitionManager;
import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageStore;
import dev.metricgate.usage.domain.UsageRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a batch of usage events exactly once: events already stored are skipped, and only the
 * new ones reach the rollups, in the same transaction. Each counts for the tenants it was charged
 * to (ADR 0019); an event that does not name them (from a version before) counts for its tenant's
 * chain as usage-service knows it.
 */
public class RecordUsage {

    private final UsageStore store;
    private final TenantDirectory directory;
    private final PartitionManager partitions;
    private final Transactions transactions;
    private final AlertCandidates alertCandidates;
    private final Clock clock;
    private final Duration retention;
    private final Duration maxAhead;

    /**
     * @param retention how far back an event may lie: older raw data is dropped anyway
     * @param maxAhead how far ahead of this clock an event may lie (producer clocks drift a little;
     *     an event years ahead is corrupt and would need a partition of its own)
     */
    public RecordUsage(
            UsageStore store,
            TenantDirectory directory,
            PartitionManager partitions,
            Transactions transactions,
            AlertCandidates alertCandidates,
            Clock clock,
            Duration retention,
            Duration maxAhead) {
        this.store = store;
        this.directory = directory;
        this.partitions = partitions;
        this.transactions = transactions;
        this.alertCandidates = alertCandidates;
        this.clock = clock;
        this.retention = retention;
        this.maxAhead = maxAhead;
    }

    /** Why the record can never be stored, if so: it lies outside the window raw events are kept in. */
    public Optional<String> rejection(UsageRecord record) {
        Instant now = clock.instant();
        if (record.occurredAt().isBefore(now.minus(retention))) {
            return Optional.of("occurredAt " + record.occurredAt() + " is older than the raw-event retention");
        }
        if (record.occurredAt().isAfter(now.plus(maxAhead))) {
            return Optional.of("occurredAt " + record.occurredAt() + " lies more than " + maxAhead + " ahead");
        }
        return Optional.empty();
    }

    /** Stores the records; each must have passed {@link #rejection}. */
    public Result record(List<UsageRecord> given) {
        if (given.isEmpty()) {
            return new Result(0, 0);
        }
        List<UsageRecord> records = withChains(given);
        LocalDate first = day(records.stream()
                .min(Comparator.comparing(UsageRecord::occurredAt))
                .orElseThrow());
        LocalDate last = day(records.stream()
                .max(Comparator.comparing(UsageRecord::occurredAt))
                .orElseThrow());
        partitions.ensureDays(first, last);
        int stored = transactions.inTransaction(() -> store.storeNew(records));
        if (stored > 0) {
            alertCandidates.add(records.stream()
                    .flatMap(record -> record.chain().stream())
                    .distinct()
                    .toList());
        }
        return new Result(stored, records.size() - stored);
    }

    private List<UsageRecord> withChains(List<UsageRecord> records) {
        Map<UUID, List<UUID>> known = new HashMap<>();
        return records.stream()
                .map(record -> record.chain().isEmpty()
                        ? record.withChain(known.computeIfAbsent(record.tenantId(), this::rootFirstChain))
                        : record)
                .toList();
    }

    private List<UUID> rootFirstChain(UUID tenantId) {
        List<UUID> chain = new ArrayList<>(directory.chain(tenantId));
        if (chain.isEmpty()) {
            return List.of(tenantId);
        }
        Collections.reverse(chain);
        return chain;
    }

    private static LocalDate day(UsageRecord record) {
        return record.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public record Result(int stored, int duplicates) {}
}
