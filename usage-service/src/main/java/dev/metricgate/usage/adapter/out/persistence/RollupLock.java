package dev.metricgate.usage.adapter.out.persistence;

/**
 * A transaction-scoped advisory lock: ingest holds it shared, a rollup rebuild exclusively, so a
 * rebuild never races an increment of the buckets it recomputes.
 */
final class RollupLock {

    static final long KEY = 0x6d67_7573_6167_6501L;
    static final String SHARED = "select 1 from pg_advisory_xact_lock_shared(" + KEY + ")";
    static final String EXCLUSIVE = "select 1 from pg_advisory_xact_lock(" + KEY + ")";

    private RollupLock() {}
}
