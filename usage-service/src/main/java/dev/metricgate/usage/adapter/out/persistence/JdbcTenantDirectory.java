package dev.metricgate.usage.adapter.out.persistence;

import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.domain.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTenantDirectory implements TenantDirectory {

    /** Deeper than the 4 levels plans-service allows, so a corrupted copy can never loop forever. */
    static final int MAX_DEPTH = 16;

    private static final String COLUMNS =
            "id, name, kind, parent_id, level, status, time_zone, billing_anchor_day, monthly_quota, as_of";

    private final JdbcTemplate jdbc;

    JdbcTenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Tenant> find(UUID tenantId) {
        return jdbc
                .query("select " + COLUMNS + " from tenants where id = ?", JdbcTenantDirectory::tenant, tenantId)
                .stream()
                .findFirst();
    }

    @Override
    public List<UUID> chain(UUID tenantId) {
        return jdbc.queryForList("""
                with recursive up (id, parent_id, depth) as (
                    select id, parent_id, 0 from tenants where id = ?
                    union all
                    select t.id, t.parent_id, up.depth + 1 from tenants t join up on t.id = up.parent_id
                    where up.depth < %d
                )
                select id from up order by depth
                """.formatted(MAX_DEPTH), UUID.class, tenantId);
    }

    @Override
    public boolean apply(Tenant tenant) {
        int changed = jdbc.update(
                """
                insert into tenants (%s) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, kind = excluded.kind,
                    parent_id = excluded.parent_id, level = excluded.level, status = excluded.status,
                    time_zone = excluded.time_zone, billing_anchor_day = excluded.billing_anchor_day,
                    monthly_quota = excluded.monthly_quota, as_of = excluded.as_of
                where tenants.as_of <= excluded.as_of
                """.formatted(COLUMNS),
                tenant.id(),
                tenant.name(),
                tenant.kind(),
                tenant.parentId(),
                tenant.level(),
                tenant.status(),
                tenant.timeZone().getId(),
                tenant.billingAnchorDay(),
                tenant.monthlyQuota(),
                Sql.utc(tenant.asOf()));
        return changed == 1;
    }

    @Override
    public boolean markProcessed(UUID eventId, String source) {
        return jdbc.update(
                        "insert into processed_events (event_id, topic) values (?, ?) on conflict do nothing",
                        eventId,
                        source)
                == 1;
    }

    @Override
    public List<Tenant> withQuota() {
        return jdbc.query(
                "select " + COLUMNS + " from tenants where monthly_quota is not null and status <> 'DELETED'",
                JdbcTenantDirectory::tenant);
    }

    private static Tenant tenant(ResultSet rows, int index) throws SQLException {
        return new Tenant(
                Sql.uuid(rows, "id"),
                rows.getString("name"),
                rows.getString("kind"),
                Sql.uuid(rows, "parent_id"),
                rows.getInt("level"),
                rows.getString("status"),
                zone(rows.getString("time_zone")),
                rows.getInt("billing_anchor_day"),
                rows.getObject("monthly_quota", Long.class),
                Sql.instant(rows, "as_of"));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
