package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.domain.Caller;
import dev.metricgate.usage.domain.ExportRow;
import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.TimeRange;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The rollup rows behind the reports, for spreadsheets and billing systems. Checking access and
 * streaming are separate steps so that errors are answered before the first byte of the file.
 */
public class ExportUsage {

    private final TenantAccess access;
    private final UsageReports reports;
    private final Transactions transactions;

    public ExportUsage(TenantAccess access, UsageReports reports, Transactions transactions) {
        this.access = access;
        this.reports = reports;
        this.transactions = transactions;
    }

    /** Validates the query and the caller's access; the returned export streams on demand. */
    public Export prepare(Caller caller, Query query) {
        TimeRange range = UsageQueries.range(query.from(), query.to(), null);
        transactions.readOnly(() -> access.readable(caller, query.tenantId()));
        return sink -> transactions.readOnly(() -> {
            reports.export(query.tenantId(), query.includeDescendants(), range, query.granularity(), sink);
            return null;
        });
    }

    public record Query(UUID tenantId, Instant from, Instant to, Granularity granularity, boolean includeDescendants) {}

    /** Rows in bucket order, produced only while {@link #writeTo} runs. */
    @FunctionalInterface
    public interface Export {
        void writeTo(Consumer<ExportRow> sink);
    }
}
