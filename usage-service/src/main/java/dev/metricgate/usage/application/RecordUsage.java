package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.PartitionManager;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageStore;
import dev.metricgate.usage.domain.UsageRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Stores a batch of usage events exactly once: events already stored are skipped, and only the
 * new ones reach the rollups, in the same transaction.
 */
public class RecordUsage {

    private final UsageStore store;
    private final PartitionManager partitions;
    private final Transactions transactions;
    private final AlertCandidates alertCandidates;

    public RecordUsage(
            UsageStore store, PartitionManager partitions, Transactions transactions, AlertCandidates alertCandidates) {
        this.store = store;
        this.partitions = partitions;
        this.transactions = transactions;
        this.alertCandidates = alertCandidates;
    }

    public Result record(List<UsageRecord> records) {
        if (records.isEmpty()) {
            return new Result(0, 0);
        }
        LocalDate first = day(records.stream()
                .min(Comparator.comparing(UsageRecord::occurredAt))
                .orElseThrow());
        LocalDate last = day(records.stream()
                .max(Comparator.comparing(UsageRecord::occurredAt))
                .orElseThrow());
        partitions.ensureDays(first, last);
        int stored = transactions.inTransaction(() -> store.storeNew(records));
        if (stored > 0) {
            alertCandidates.add(
                    records.stream().map(UsageRecord::tenantId).distinct().toList());
        }
        return new Result(stored, records.size() - stored);
    }

    private static LocalDate day(UsageRecord record) {
        return record.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public record Result(int stored, int duplicates) {}
}
