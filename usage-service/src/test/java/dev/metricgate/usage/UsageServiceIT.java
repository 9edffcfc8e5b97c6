package dev.metricgate.usage;

import static dev.metricgate.testsupport.RealServers.Server.KAFKA;
import static dev.metricgate.testsupport.RealServers.Server.OIDC;
import static dev.metricgate.testsupport.RealServers.Server.POSTGRES;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.PlanChangeEvent.TenantSnapshot;
import dev.metricgate.contracts.Topics;
import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.contracts.UsageEvent.Outcome;
import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.RealServers;
import dev.metricgate.testsupport.TestCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of usage-service's integration tests: one Spring context on real PostgreSQL, Kafka and
 * OIDC, shared by every subclass, with helpers that talk to the service the way other services do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers(
        value = {POSTGRES, KAFKA, OIDC},
        database = "usage")
@Import(UsageServiceIT.CalendarConfig.class)
abstract class UsageServiceIT {

    /** The service runs on the tests' calendar ({@link TestCalendar}), so both agree on "today". */
    @TestConfiguration
    static class CalendarConfig {

        @Bean
        @Primary
        Clock testCalendarClock() {
            return TestCalendar.clock();
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    RestTestClient http() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    static TenantSnapshot tenant(UUID id, String kind, UUID parentId, int level, String zone, int anchor, Long quota) {
        return new TenantSnapshot(id, "tenant " + id, kind, parentId, level, "ACTIVE", zone, anchor, quota);
    }

    /** Publishes the tenants as plans-service would and waits until usage-service applied them. */
    void publishTenants(TenantSnapshot... tenants) {
        var event = new PlanChangeEvent(
                UUID.randomUUID(),
                PlanChangeEvent.ChangeType.TENANT_UPDATED,
                TestCalendar.now(),
                tenants[0].id(),
                null,
                List.of(tenants),
                List.of());
        KafkaRecords.send(Topics.PLAN_CHANGES, tenants[0].id().toString(), json.writeValueAsString(event));
        for (TenantSnapshot tenant : tenants) {
            await(
                    () -> count("select count(*) from tenants where id = ? and name = ?", tenant.id(), tenant.name())
                            == 1,
                    "tenant " + tenant.id() + " applied");
        }
    }

    static UsageEvent event(UUID tenantId, Instant at, Outcome outcome, int cost) {
        return new UsageEvent(
                UUID.randomUUID(),
                at,
                tenantId,
                UUID.randomUUID(),
                "GET /orders",
                cost,
                outcome,
                outcome == Outcome.ALLOWED ? null : "quota",
                null,
                null,
                null);
    }

    static UsageEvent allowed(UUID tenantId, int cost) {
        return event(tenantId, TestCalendar.now(), Outcome.ALLOWED, cost);
    }

    /** Sends the events the way enforcement-service does: keyed by tenant, with the event-id header. */
    void sendUsage(List<UsageEvent> events) {
        for (UsageEvent event : events) {
            sendRaw(event.tenantId().toString(), json.writeValueAsString(event), event.eventId());
        }
        kafka.flush();
    }

    void sendRaw(String key, String value, UUID eventId) {
        var record = new ProducerRecord<>(Topics.USAGE_EVENTS, key, value);
        if (eventId != null) {
            record.headers().add(Topics.EVENT_ID_HEADER, eventId.toString().getBytes(StandardCharsets.UTF_8));
        }
        kafka.send(record);
    }

    long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    long storedEvents(UUID tenantId) {
        return count("select count(*) from usage_events where tenant_id = ?", tenantId);
    }

    /** Decisions counted in the rollups of one granularity. */
    long rolledUp(String granularity, UUID tenantId) {
        return count(
                "select coalesce(sum(allowed + denied + shadow_denied), 0) from usage_rollup_" + granularity
                        + " where tenant_id = ?",
                tenantId);
    }

    /** Decisions counted in the per-tenant rollups of one granularity. */
    long rolledUpPerTenant(String granularity, UUID tenantId) {
        return count(
                "select coalesce(sum(allowed + denied + shadow_denied), 0) from usage_tenant_rollup_" + granularity
                        + " where tenant_id = ?",
                tenantId);
    }

    void awaitStored(UUID tenantId, long expected) {
        await(() -> storedEvents(tenantId) >= expected, expected + " events of " + tenantId + " stored");
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
