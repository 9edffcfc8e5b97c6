package dev.metricgate.usage.adapter.out.persistence;

import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.domain.ExportRow;
import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.GroupBy;
import dev.metricgate.usage.domain.TimeRange;
import dev.metricgate.usage.domain.UsageCounts;
import dev.metricgate.usage.domain.UsagePoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reports from the rollups. A subtree's totals and unsplit series read the charged rollups (what was
 * charged to the tenant, ADR 0019); a tenant's own totals and series split by child read the
 * per-tenant rollups; the rest reads the detailed ones. Totals over an arbitrary range combine the coarsest
 * rollups that fit: whole UTC days from the day table, whole hours from the hour table, the edges
 * from the minute table, so a billing period in any time zone is summed exactly with few rows.
 */
@Repository
class JdbcUsageReports implements UsageReports {

    private static final String SUBTREE = """
            with recursive sub (id, depth) as (
                select ?::uuid, 0
                union all
                select t.id, sub.depth + 1 from tenants t join sub on t.parent_id = sub.id
                where ? and sub.depth < %d
            )
            """.formatted(JdbcTenantDirectory.MAX_DEPTH);

    private static final String COUNTS = "sum(allowed) as allowed, sum(denied) as denied,"
            + " sum(shadow_denied) as shadow_denied, sum(cost) as cost, sum(denied_cost) as denied_cost";

    private final JdbcTemplate jdbc;
    private final int exportFetchSize;

    JdbcUsageReports(JdbcTemplate jdbc, @Value("${metricgate.usage.export-fetch-size:2000}") int exportFetchSize) {
        this.jdbc = jdbc;
        this.exportFetchSize = exportFetchSize;
    }

    @Override
    public List<UsagePoint> timeSeries(
            UUID tenantId,
            boolean includeDescendants,
            TimeRange range,
            Granularity granularity,
            GroupBy groupBy,
            ZoneId dayZone) {
        String group = switch (groupBy) {
            case null -> "null::text";
            case API_KEY -> "nullif(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid)::text";
            case ROUTE -> "route";
            case TENANT -> "tenant_id::text";
        };
        boolean perTenant = groupBy == null || groupBy == GroupBy.TENANT;
        // a whole subtree is what was charged to the tenant (ADR 0019); a split by child, key or
        // route lists the rows of the subtree as it is now
        boolean charged = groupBy == null && includeDescendants;
        // DAY buckets at midnight in dayZone: the day rollups are UTC days, so other zones' days are
        // summed from the hour rollups, or from the minute rollups when the zone's offset is not a
        // whole number of hours somewhere in the range (India, Nepal, parts of Australia)
        boolean localDays =
                granularity == Granularity.DAY && !offsetsAll(dayZone, range, offset -> offset.getTotalSeconds() == 0);
        Granularity source = !localDays
                ? granularity
                : offsetsAll(dayZone, range, offset -> offset.getTotalSeconds() % 3600 == 0)
                        ? Granularity.HOUR
                        : Granularity.MINUTE;
        String sql = SUBTREE
                + "select " + (localDays ? "date_trunc('day', bucket, ?)" : "bucket") + " as bucket_start, " + group
                + " as grp, " + COUNTS + " from "
                + (charged ? chargedTable(source) : perTenant ? tenantTable(source) : table(source))
                + (charged
                        ? " where tenant_id = (select id from sub where depth = 0)"
                        : " where tenant_id in (select id from sub)")
                + " and bucket >= ? and bucket < ?"
                + " group by 1, 2 order by 1, 2 nulls first";
        List<Object> args = new ArrayList<>(List.of(tenantId, includeDescendants));
        if (localDays) {
            args.add(dayZone.getId());
            args.add(Sql.utc(range.from()
                    .atZone(dayZone)
                    .toLocalDate()
                    .atStartOfDay(dayZone)
                    .toInstant()));
        } else {
            args.add(Sql.utc(floor(range.from(), granularity)));
        }
        args.add(Sql.utc(range.to()));
        return jdbc.query(
                sql,
                (rows, i) -> new UsagePoint(Sql.instant(rows, "bucket_start"), rows.getString("grp"), counts(rows)),
                args.toArray());
    }

    /** Whether every offset {@code zone} has between the range's ends passes {@code test}. */
    private static boolean offsetsAll(ZoneId zone, TimeRange range, Predicate<ZoneOffset> test) {
        ZoneRules rules = zone.getRules();
        if (!test.test(rules.getOffset(range.from()))) {
            return false;
        }
        for (ZoneOffsetTransition next = rules.nextTransition(range.from());
                next != null && next.getInstant().isBefore(range.to());
                next = rules.nextTransition(next.getInstant())) {
            if (!test.test(next.getOffsetAfter())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tenant's own usage, or with {@code includeDescendants} everything charged to its subtree
     * (ADR 0019): decisions whose chain held the tenant when they were made, wherever the deciding
     * tenant sits now.
     */
    @Override
    public UsageCounts totals(UUID tenantId, boolean includeDescendants, TimeRange range) {
        List<Segment> segments = segments(range.from(), range.to());
        String parts = segments.stream()
                .map(segment -> "select " + COUNTS + " from "
                        + (includeDescendants ? segment.table().replace("_tenant_", "_charged_") : segment.table())
                        + " where tenant_id = ? and bucket >= ? and bucket < ?")
                .collect(Collectors.joining(" union all "));
        List<Object> args = new ArrayList<>();
        segments.forEach(segment -> {
            args.add(tenantId);
            args.add(Sql.utc(segment.from()));
            args.add(Sql.utc(segment.to()));
        });
        String sql = "with parts as (" + parts + ") select " + COUNTS + " from parts";
        return jdbc.queryForObject(sql, (rows, i) -> counts(rows), args.toArray());
    }

    @Override
    public void export(
            UUID tenantId,
            boolean includeDescendants,
            TimeRange range,
            Granularity granularity,
            Consumer<ExportRow> sink) {
        String sql = SUBTREE
                + "select bucket, tenant_id, api_key_id, route, allowed, denied, shadow_denied, cost, denied_cost from "
                + table(granularity)
                + " where tenant_id in (select id from sub) and bucket >= ? and bucket < ?"
                + " order by tenant_id, bucket, api_key_id, route";
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(exportFetchSize);
                    statement.setObject(1, tenantId);
                    statement.setBoolean(2, includeDescendants);
                    statement.setObject(3, Sql.utc(floor(range.from(), granularity)));
                    statement.setObject(4, Sql.utc(range.to()));
                    return statement;
                },
                rows -> {
                    UUID key = Sql.uuid(rows, "api_key_id");
                    sink.accept(new ExportRow(
                            Sql.instant(rows, "bucket"),
                            Sql.uuid(rows, "tenant_id"),
                            JdbcUsageStore.NO_KEY.equals(key) ? null : key,
                            rows.getString("route"),
                            counts(rows)));
                });
    }

    /** The range as segments of the coarsest rollup whose buckets fit entirely inside it. */
    static List<Segment> segments(Instant from, Instant to) {
        Instant start = ceil(from, ChronoUnit.MINUTES);
        List<Segment> segments = new ArrayList<>();
        Instant h1 = ceil(start, ChronoUnit.HOURS);
        Instant h2 = to.truncatedTo(ChronoUnit.HOURS);
        if (!h1.isBefore(h2)) {
            add(segments, "usage_tenant_rollup_minute", start, to);
            return segments;
        }
        Instant d1 = ceil(h1, ChronoUnit.DAYS);
        Instant d2 = h2.truncatedTo(ChronoUnit.DAYS);
        add(segments, "usage_tenant_rollup_minute", start, h1);
        if (d1.isBefore(d2)) {
            add(segments, "usage_tenant_rollup_hour", h1, d1);
            add(segments, "usage_tenant_rollup_day", d1, d2);
            add(segments, "usage_tenant_rollup_hour", d2, h2);
        } else {
            add(segments, "usage_tenant_rollup_hour", h1, h2);
        }
        add(segments, "usage_tenant_rollup_minute", h2, to);
        if (segments.isEmpty()) {
            segments.add(new Segment("usage_tenant_rollup_minute", start, start));
        }
        return segments;
    }

    private static void add(List<Segment> segments, String table, Instant from, Instant to) {
        if (from.isBefore(to)) {
            segments.add(new Segment(table, from, to));
        }
    }

    private static Instant ceil(Instant instant, ChronoUnit unit) {
        Instant floor = instant.truncatedTo(unit);
        return floor.equals(instant) ? floor : floor.plus(1, unit);
    }

    private static Instant floor(Instant instant, Granularity granularity) {
        return switch (granularity) {
            case MINUTE -> instant.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
            case DAY -> instant.truncatedTo(ChronoUnit.DAYS);
        };
    }

    private static String chargedTable(Granularity granularity) {
        return "usage_charged_rollup_" + granularity.name().toLowerCase();
    }

    private static String tenantTable(Granularity granularity) {
        return "usage_tenant_rollup_" + granularity.name().toLowerCase();
    }

    private static String table(Granularity granularity) {
        return switch (granularity) {
            case MINUTE -> "usage_rollup_minute";
            case HOUR -> "usage_rollup_hour";
            case DAY -> "usage_rollup_day";
        };
    }

    private static UsageCounts counts(ResultSet rows) throws SQLException {
        return new UsageCounts(
                rows.getLong("allowed"),
                rows.getLong("denied"),
                rows.getLong("shadow_denied"),
                rows.getLong("cost"),
                rows.getLong("denied_cost"));
    }

    record Segment(String table, Instant from, Instant to) {}
}
