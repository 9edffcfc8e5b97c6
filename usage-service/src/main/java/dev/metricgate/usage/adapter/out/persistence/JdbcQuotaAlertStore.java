package dev.metricgate.usage.adapter.out.persistence;

import dev.metricgate.usage.application.port.out.QuotaAlertStore;
import dev.metricgate.usage.domain.QuotaAlert;
import dev.metricgate.usage.domain.QuotaThreshold;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcQuotaAlertStore implements QuotaAlertStore {

    private final JdbcTemplate jdbc;

    JdbcQuotaAlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordIfNew(QuotaAlert alert) {
        return jdbc.update(
                        """
                        insert into quota_alerts (id, tenant_id, threshold, period_start, period_end, quota, used, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, period_start, threshold) do nothing
                        """,
                        alert.id(),
                        alert.tenantId(),
                        alert.threshold().percent(),
                        Sql.utc(alert.periodStart()),
                        Sql.utc(alert.periodEnd()),
                        alert.quota(),
                        alert.used(),
                        Sql.utc(alert.occurredAt()))
                == 1;
    }

    @Override
    public List<QuotaAlert> unpublished(int limit) {
        return jdbc.query(
                "select * from quota_alerts where published_at is null order by occurred_at limit ?",
                JdbcQuotaAlertStore::alert,
                limit);
    }

    @Override
    public List<QuotaAlert> ofTenant(UUID tenantId, int limit) {
        return jdbc.query(
                "select * from quota_alerts where tenant_id = ? order by occurred_at desc, threshold desc limit ?",
                JdbcQuotaAlertStore::alert,
                tenantId,
                limit);
    }

    private static QuotaAlert alert(ResultSet rows, int rowNumber) throws SQLException {
        return new QuotaAlert(
                Sql.uuid(rows, "id"),
                Sql.uuid(rows, "tenant_id"),
                threshold(rows.getInt("threshold")),
                Sql.instant(rows, "period_start"),
                Sql.instant(rows, "period_end"),
                rows.getLong("quota"),
                rows.getLong("used"),
                Sql.instant(rows, "occurred_at"));
    }

    @Override
    public void markPublished(QuotaAlert alert) {
        jdbc.update("update quota_alerts set published_at = ? where id = ?", Sql.utc(Instant.now()), alert.id());
    }

    private static QuotaThreshold threshold(int percent) {
        return Arrays.stream(QuotaThreshold.values())
                .filter(t -> t.percent() == percent)
                .findFirst()
                .orElseThrow();
    }
}
