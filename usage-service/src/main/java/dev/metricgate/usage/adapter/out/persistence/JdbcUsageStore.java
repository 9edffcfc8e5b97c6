package dev.metricgate.usage.adapter.out.persistence;

import dev.metricgate.usage.application.port.out.UsageStore;
import dev.metricgate.usage.domain.TimeRange;
import dev.metricgate.usage.domain.UsageRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Raw events and rollups in one statement per batch: the insert skips stored event ids and its
 * RETURNING rows, only the new ones, feed the minute, hour and day upserts — per tenant, key and
 * route, per tenant, and per tenant charged (each tenant of the event's chain, ADR 0019).
 */
@Repository
class JdbcUsageStore implements UsageStore {

    static final UUID NO_KEY = new UUID(0, 0);

    private static final String ROLLUP_COLUMNS =
            "tenant_id, bucket, api_key_id, route, allowed, denied, shadow_denied, cost, denied_cost";
    private static final String TENANT_COLUMNS = "tenant_id, bucket, allowed, denied, shadow_denied, cost, denied_cost";
    private static final String TENANT_CONFLICT = " on conflict (tenant_id, bucket) do update set"
            + " allowed = r.allowed + excluded.allowed, denied = r.denied + excluded.denied,"
            + " shadow_denied = r.shadow_denied + excluded.shadow_denied, cost = r.cost + excluded.cost,"
            + " denied_cost = r.denied_cost + excluded.denied_cost";
    private static final String ROLLUP_CONFLICT = " on conflict (tenant_id, bucket, api_key_id, route) do update set"
            + " allowed = r.allowed + excluded.allowed, denied = r.denied + excluded.denied,"
            + " shadow_denied = r.shadow_denied + excluded.shadow_denied, cost = r.cost + excluded.cost,"
            + " denied_cost = r.denied_cost + excluded.denied_cost";

    /** A rollup row's counts of the events grouped: served cost = allowed and shadow-denied. */
    private static final String COUNTS = "count(*) filter (where outcome = 'ALLOWED') as allowed,"
            + " count(*) filter (where outcome = 'DENIED') as denied,"
            + " count(*) filter (where outcome = 'SHADOW_DENIED') as shadow_denied,"
            + " coalesce(sum(cost) filter (where outcome <> 'DENIED'), 0) as cost,"
            + " coalesce(sum(cost) filter (where outcome = 'DENIED'), 0) as denied_cost";

    private static final String STORE_NEW =
            """
            with ins as (
                insert into usage_events (event_id, occurred_at, tenant_id, api_key_id, route, cost, outcome, chain)
                select e, o, t, k, r, c, oc, string_to_array(ch, ',')::uuid[]
                from unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[])
                    as u(e, o, t, k, r, c, oc, ch)
                on conflict do nothing
                returning occurred_at, tenant_id, api_key_id, route, cost, outcome, chain
            ), minute as (
                select tenant_id, date_trunc('minute', occurred_at, 'UTC') as bucket,
                       coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid) as api_key_id, route,
                       %5$s
                from ins group by 1, 2, 3, 4
            ), up_minute as (
                insert into usage_rollup_minute as r (%1$s)
                select * from minute order by 1, 2, 3, 4
                %2$s
            ), up_hour as (
                insert into usage_rollup_hour as r (%1$s)
                select tenant_id, date_trunc('hour', bucket, 'UTC'), api_key_id, route, sum(allowed), sum(denied),
                       sum(shadow_denied), sum(cost), sum(denied_cost)
                from minute group by 1, 2, 3, 4 order by 1, 2, 3, 4
                %2$s
            ), up_day as (
                insert into usage_rollup_day as r (%1$s)
                select tenant_id, date_trunc('day', bucket, 'UTC'), api_key_id, route, sum(allowed), sum(denied),
                       sum(shadow_denied), sum(cost), sum(denied_cost)
                from minute group by 1, 2, 3, 4 order by 1, 2, 3, 4
                %2$s
            ), tenant_minute as (
                select tenant_id, bucket, sum(allowed) as allowed, sum(denied) as denied,
                       sum(shadow_denied) as shadow_denied, sum(cost) as cost, sum(denied_cost) as denied_cost
                from minute group by 1, 2
            ), up_tenant_minute as (
                insert into usage_tenant_rollup_minute as r (%3$s)
                select * from tenant_minute order by 1, 2
                %4$s
            ), up_tenant_hour as (
                insert into usage_tenant_rollup_hour as r (%3$s)
                select tenant_id, date_trunc('hour', bucket, 'UTC'), sum(allowed), sum(denied), sum(shadow_denied),
                       sum(cost), sum(denied_cost)
                from tenant_minute group by 1, 2 order by 1, 2
                %4$s
            ), up_tenant_day as (
                insert into usage_tenant_rollup_day as r (%3$s)
                select tenant_id, date_trunc('day', bucket, 'UTC'), sum(allowed), sum(denied), sum(shadow_denied),
                       sum(cost), sum(denied_cost)
                from tenant_minute group by 1, 2 order by 1, 2
                %4$s
            ), charged_minute as (
                select c.tenant_id, date_trunc('minute', occurred_at, 'UTC') as bucket,
                       %5$s
                from ins cross join lateral unnest(ins.chain) as c(tenant_id)
                group by 1, 2
            ), up_charged_minute as (
                insert into usage_charged_rollup_minute as r (%3$s)
                select * from charged_minute order by 1, 2
                %4$s
            ), up_charged_hour as (
                insert into usage_charged_rollup_hour as r (%3$s)
                select tenant_id, date_trunc('hour', bucket, 'UTC'), sum(allowed), sum(denied), sum(shadow_denied),
                       sum(cost), sum(denied_cost)
                from charged_minute group by 1, 2 order by 1, 2
                %4$s
            ), up_charged_day as (
                insert into usage_charged_rollup_day as r (%3$s)
                select tenant_id, date_trunc('day', bucket, 'UTC'), sum(allowed), sum(denied), sum(shadow_denied),
                       sum(cost), sum(denied_cost)
                from charged_minute group by 1, 2 order by 1, 2
                %4$s
            )
            select count(*) from ins
            """.formatted(ROLLUP_COLUMNS, ROLLUP_CONFLICT, TENANT_COLUMNS, TENANT_CONFLICT, COUNTS);

    private static final String REBUILD_MINUTE = """
            insert into usage_rollup_minute (%s)
            select tenant_id, date_trunc('minute', occurred_at, 'UTC'),
                   coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid), route,
                   %2$s
            from usage_events where occurred_at >= ? and occurred_at < ?
            group by 1, 2, 3, 4
            """.formatted(ROLLUP_COLUMNS, COUNTS);

    private static final String REBUILD_COARSER = """
            insert into %1$s (%2$s)
            select tenant_id, date_trunc('%3$s', bucket, 'UTC'), api_key_id, route, sum(allowed), sum(denied),
                   sum(shadow_denied), sum(cost), sum(denied_cost)
            from usage_rollup_minute where bucket >= ? and bucket < ?
            group by 1, 2, 3, 4
            """;

    private static final String REBUILD_TENANT = """
            insert into usage_tenant_rollup_%1$s (%2$s)
            select tenant_id, bucket, sum(allowed), sum(denied), sum(shadow_denied), sum(cost), sum(denied_cost)
            from usage_rollup_%1$s where bucket >= ? and bucket < ?
            group by 1, 2
            """;

    private static final String REBUILD_CHARGED_MINUTE = """
            insert into usage_charged_rollup_minute (%s)
            select c.tenant_id, date_trunc('minute', occurred_at, 'UTC'),
                   %2$s
            from usage_events e cross join lateral unnest(coalesce(e.chain, tenant_chain(e.tenant_id))) as c(tenant_id)
            where occurred_at >= ? and occurred_at < ?
            group by 1, 2
            """.formatted(TENANT_COLUMNS, COUNTS);

    private static final String REBUILD_CHARGED_COARSER = """
            insert into usage_charged_rollup_%1$s (%2$s)
            select tenant_id, date_trunc('%1$s', bucket, 'UTC'), sum(allowed), sum(denied), sum(shadow_denied),
                   sum(cost), sum(denied_cost)
            from usage_charged_rollup_minute where bucket >= ? and bucket < ?
            group by 1, 2
            """;

    private final JdbcTemplate jdbc;

    JdbcUsageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int storeNew(List<UsageRecord> records) {
        jdbc.queryForObject(RollupLock.SHARED, Integer.class);
        Long stored = jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(STORE_NEW);
                    int size = records.size();
                    UUID[] ids = new UUID[size];
                    String[] times = new String[size];
                    UUID[] tenants = new UUID[size];
                    UUID[] keys = new UUID[size];
                    String[] routes = new String[size];
                    Integer[] costs = new Integer[size];
                    String[] outcomes = new String[size];
                    String[] chains = new String[size];
                    for (int i = 0; i < size; i++) {
                        UsageRecord record = records.get(i);
                        ids[i] = record.eventId();
                        times[i] = record.occurredAt().toString();
                        tenants[i] = record.tenantId();
                        keys[i] = record.apiKeyId();
                        routes[i] = record.route();
                        costs[i] = record.cost();
                        outcomes[i] = record.outcome().name();
                        chains[i] = chain(record);
                    }
                    statement.setArray(1, array(connection, "uuid", ids));
                    statement.setArray(2, array(connection, "text", times));
                    statement.setArray(3, array(connection, "uuid", tenants));
                    statement.setArray(4, array(connection, "uuid", keys));
                    statement.setArray(5, array(connection, "text", routes));
                    statement.setArray(6, array(connection, "int4", costs));
                    statement.setArray(7, array(connection, "text", outcomes));
                    statement.setArray(8, array(connection, "text", chains));
                    return statement;
                },
                rows -> rows.next() ? rows.getLong(1) : 0L);
        return stored == null ? 0 : stored.intValue();
    }

    @Override
    public long rebuildRollups(TimeRange range) {
        jdbc.queryForObject(RollupLock.EXCLUSIVE, Integer.class);
        OffsetDateTime from = Sql.utc(range.from().truncatedTo(ChronoUnit.DAYS));
        Instant toDay = range.to().truncatedTo(ChronoUnit.DAYS);
        OffsetDateTime to = Sql.utc(toDay.equals(range.to()) ? toDay : toDay.plus(1, ChronoUnit.DAYS));
        for (String granularity : List.of("minute", "hour", "day")) {
            jdbc.update("delete from usage_rollup_" + granularity + " where bucket >= ? and bucket < ?", from, to);
            jdbc.update(
                    "delete from usage_tenant_rollup_" + granularity + " where bucket >= ? and bucket < ?", from, to);
            jdbc.update(
                    "delete from usage_charged_rollup_" + granularity + " where bucket >= ? and bucket < ?", from, to);
        }
        jdbc.update(REBUILD_MINUTE, from, to);
        jdbc.update(REBUILD_COARSER.formatted("usage_rollup_hour", ROLLUP_COLUMNS, "hour"), from, to);
        jdbc.update(REBUILD_COARSER.formatted("usage_rollup_day", ROLLUP_COLUMNS, "day"), from, to);
        for (String granularity : List.of("minute", "hour", "day")) {
            jdbc.update(REBUILD_TENANT.formatted(granularity, TENANT_COLUMNS), from, to);
        }
        jdbc.update(REBUILD_CHARGED_MINUTE, from, to);
        jdbc.update(REBUILD_CHARGED_COARSER.formatted("hour", TENANT_COLUMNS), from, to);
        jdbc.update(REBUILD_CHARGED_COARSER.formatted("day", TENANT_COLUMNS), from, to);
        Long events = jdbc.queryForObject(
                "select count(*) from usage_events where occurred_at >= ? and occurred_at < ?", Long.class, from, to);
        return events == null ? 0 : events;
    }

    /** The tenants a record was charged to, root first, for the statement's text array. */
    private static String chain(UsageRecord record) {
        List<UUID> chain = record.chain().isEmpty() ? List.of(record.tenantId()) : record.chain();
        StringBuilder joined = new StringBuilder(37 * chain.size());
        for (UUID tenant : chain) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            joined.append(tenant);
        }
        return joined.toString();
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
