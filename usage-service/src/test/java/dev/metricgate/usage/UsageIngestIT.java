package dev.metricgate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.Topics;
import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.contracts.UsageEvent.Outcome;
import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.SharedServers;
import dev.metricgate.testsupport.TestCalendar;
import dev.metricgate.testsupport.Tokens;
import dev.metricgate.usage.application.MaintainPartitions;
import dev.metricgate.usage.application.port.out.PartitionManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Exactly-once metering: redelivery, poison messages, a consumer stopped mid-stream. */
class UsageIngestIT extends UsageServiceIT {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MaintainPartitions maintainPartitions;

    @Autowired
    PartitionManager partitions;

    @Test
    void givenSameEventDeliveredThreeTimes_whenConsumed_thenCountedOnce() {
        UUID tenant = UUID.randomUUID();
        UsageEvent event = allowed(tenant, 5);
        UsageEvent marker = allowed(tenant, 1);

        sendUsage(List.of(event, event, event, marker));
        awaitStored(tenant, 2);

        assertThat(storedEvents(tenant)).isEqualTo(2);
        assertThat(rolledUp("minute", tenant)).isEqualTo(2);
        assertThat(rolledUp("hour", tenant)).isEqualTo(2);
        assertThat(rolledUp("day", tenant)).isEqualTo(2);
        assertThat(rolledUpPerTenant("minute", tenant)).isEqualTo(2);
        assertThat(rolledUpPerTenant("hour", tenant)).isEqualTo(2);
        assertThat(rolledUpPerTenant("day", tenant)).isEqualTo(2);
        assertThat(count("select sum(cost) from usage_rollup_day where tenant_id = ?", tenant))
                .isEqualTo(6);
    }

    @Test
    void givenEventRedeliveredInLaterBatch_whenConsumed_thenRollupsUnchanged() {
        UUID tenant = UUID.randomUUID();
        UsageEvent event = allowed(tenant, 3);
        sendUsage(List.of(event));
        awaitStored(tenant, 1);

        UsageEvent marker = allowed(tenant, 1);
        sendUsage(List.of(event, marker));
        awaitStored(tenant, 2);

        assertThat(rolledUp("minute", tenant)).isEqualTo(2);
        assertThat(count("select sum(cost) from usage_rollup_minute where tenant_id = ?", tenant))
                .isEqualTo(4);
    }

    @Test
    void givenBatchWithPoisonAndOutOfWindowMessages_whenConsumed_thenRestStoredAndThoseDeadLettered() {
        UUID tenant = UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        String notJson = "{not json " + marker;
        String missingTenant = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + TestCalendar.now()
                + "\"," + "\"outcome\":\"ALLOWED\",\"route\":\"" + marker + "\"}";
        String negativeCost = json.writeValueAsString(event(tenant, TestCalendar.now(), Outcome.ALLOWED, 1))
                .replace("\"cost\":1", "\"cost\":-7")
                .replace("GET /orders", marker);
        UsageEvent ancient = new UsageEvent(
                UUID.randomUUID(),
                TestCalendar.now().minus(3_650, ChronoUnit.DAYS),
                tenant,
                null,
                marker,
                1,
                Outcome.ALLOWED,
                null,
                null,
                null,
                null);
        UsageEvent farFuture = new UsageEvent(
                UUID.randomUUID(),
                TestCalendar.now().plus(3_650, ChronoUnit.DAYS),
                tenant,
                null,
                marker,
                1,
                Outcome.ALLOWED,
                null,
                null,
                null,
                null);

        sendRaw(tenant.toString(), json.writeValueAsString(allowed(tenant, 1)), null);
        sendRaw(tenant.toString(), json.writeValueAsString(ancient), ancient.eventId());
        sendRaw(tenant.toString(), json.writeValueAsString(farFuture), farFuture.eventId());
        sendRaw(tenant.toString(), notJson, null);
        sendRaw(tenant.toString(), missingTenant, null);
        sendRaw(tenant.toString(), negativeCost, null);
        sendRaw(tenant.toString(), json.writeValueAsString(allowed(tenant, 1)), null);
        kafka.flush();

        awaitStored(tenant, 2);
        var deadLetters = KafkaRecords.await(
                Topics.USAGE_EVENTS + Topics.DEAD_LETTER_SUFFIX, r -> r.value().contains(marker), 5, TIMEOUT);

        assertThat(deadLetters)
                .extracting(r -> r.value())
                .containsExactlyInAnyOrder(
                        notJson,
                        missingTenant,
                        negativeCost,
                        json.writeValueAsString(ancient),
                        json.writeValueAsString(farFuture));
        assertThat(deadLetters.getFirst().headers().lastHeader("kafka_dlt-original-topic"))
                .isNotNull();
        assertThat(storedEvents(tenant)).isEqualTo(2);
        assertThat(rolledUp("minute", tenant)).isEqualTo(2);
    }

    @Test
    void givenConsumerKilledMidBatchAndOffsetsNotCommitted_whenRestarted_thenNothingLostNothingCountedTwice()
            throws Exception {
        UUID tenant = UUID.randomUUID();
        Map<TopicPartition, Long> start = endOffsets();
        double duplicatesBefore =
                meters.counter("metricgate.usage.events", "result", "duplicate").count();
        UUID key = UUID.randomUUID();
        Instant at = TestCalendar.now();
        List<UsageEvent> first = IntStream.range(0, 5_000)
                .mapToObj(i -> new UsageEvent(
                        UUID.randomUUID(), at, tenant, key, "GET /orders", 1, Outcome.ALLOWED, null, null, null, null))
                .toList();
        // A zero rollup row the batch will add to, so the test can hold the batch on its row lock.
        jdbc.update(
                "insert into usage_rollup_minute values (?, date_trunc('minute', ?::timestamptz, 'UTC'), ?,"
                        + " 'GET /orders', 0, 0, 0, 0, 0)",
                tenant,
                at.atOffset(ZoneOffset.UTC),
                key);

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement()
                    .execute("select 1 from usage_rollup_minute where tenant_id = '" + tenant + "' for update");
            sendUsage(first);
            // The batch has inserted its raw events and waits for the rollup row: kill its
            // database session mid-transaction, as a crash of the consumer would.
            await(() -> ingestWaitingOnLock() > 0, "a batch waiting inside its transaction");
            jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and datname = current_database()");
            assertThat(storedEvents(tenant)).isZero();
            blocker.rollback();
        }
        var container = listeners.getListenerContainer("usage-events");
        container.stop();
        long storedWhenStopped = storedEvents(tenant);

        // As after a crash between the database commit and the offset commit: the group's
        // offsets go back to before the test, so everything is delivered again.
        rewind(start);
        List<UsageEvent> second =
                IntStream.range(0, 1_000).mapToObj(i -> allowed(tenant, 1)).toList();
        sendUsage(second);
        container.start();

        awaitStored(tenant, 6_000);
        await(
                () -> meters.counter("metricgate.usage.events", "result", "duplicate")
                                        .count()
                                - duplicatesBefore
                        >= storedWhenStopped,
                "redelivered events recognised as duplicates");
        assertThat(storedEvents(tenant)).isEqualTo(6_000);
        assertThat(rolledUp("minute", tenant)).isEqualTo(6_000);
        assertThat(rolledUp("hour", tenant)).isEqualTo(6_000);
        assertThat(rolledUp("day", tenant)).isEqualTo(6_000);
        assertThat(rolledUpPerTenant("minute", tenant)).isEqualTo(6_000);
        assertThat(rolledUpPerTenant("day", tenant)).isEqualTo(6_000);
    }

    private long ingestWaitingOnLock() {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database() and query like '%insert into usage_events%'");
    }

    @Test
    void givenPlanChangeDeliveredTwiceAndAnOlderSnapshotLater_whenConsumed_thenNewestStateKept() {
        UUID id = UUID.randomUUID();
        var newer = new PlanChangeEvent(
                UUID.randomUUID(),
                PlanChangeEvent.ChangeType.TENANT_UPDATED,
                TestCalendar.now(),
                id,
                null,
                List.of(tenant(id, "CUSTOMER", null, 1, "Europe/Berlin", 15, 1000L)),
                List.of());
        var older = new PlanChangeEvent(
                UUID.randomUUID(),
                PlanChangeEvent.ChangeType.TENANT_CREATED,
                newer.occurredAt().minusSeconds(60),
                id,
                null,
                List.of(tenant(id, "CUSTOMER", null, 1, "UTC", 1, 5L)),
                List.of());
        String newerJson = json.writeValueAsString(newer);

        KafkaRecords.send(Topics.PLAN_CHANGES, id.toString(), newerJson);
        KafkaRecords.send(Topics.PLAN_CHANGES, id.toString(), newerJson);
        KafkaRecords.send(Topics.PLAN_CHANGES, id.toString(), json.writeValueAsString(older));
        await(
                () -> count("select count(*) from processed_events where event_id = ?", older.eventId()) == 1,
                "older event handled");

        var row = jdbc.queryForMap("select time_zone, billing_anchor_day, monthly_quota from tenants where id = ?", id);
        assertThat(row)
                .containsEntry("time_zone", "Europe/Berlin")
                .containsEntry("billing_anchor_day", 15)
                .containsEntry("monthly_quota", 1000L);
        assertThat(count("select count(*) from processed_events where event_id = ?", newer.eventId()))
                .isEqualTo(1);
    }

    @Test
    void givenPrometheusScrape_whenReadingUsageMetrics_thenDashboardNamesAreExported() {
        UUID tenant = UUID.randomUUID();
        sendUsage(List.of(allowed(tenant, 1)));
        awaitStored(tenant, 1);

        String scrape = http().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .contains("metricgate_usage_consumer_lag_records{")
                .contains("metricgate_quota_alerts_total{")
                .contains("metricgate_usage_events_total{")
                .contains("metricgate_usage_ingest_store_seconds_count");
    }

    @Test
    void givenEventsFlowing_whenReadingConsumerLagMetric_thenItIsExposed() {
        UUID tenant = UUID.randomUUID();
        sendUsage(List.of(allowed(tenant, 1)));
        awaitStored(tenant, 1);

        http().get()
                .uri("/actuator/metrics/metricgate.usage.consumer.lag")
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.availableTags[?(@.tag == 'partition')]")
                .exists();
    }

    @Test
    void givenPartitionMaintenance_whenRun_thenDaysAheadExistAndExpiredDaysDropped() {
        LocalDate today = LocalDate.ofInstant(TestCalendar.now(), ZoneOffset.UTC);
        LocalDate expired = today.minusDays(400);
        partitions.ensureDays(expired, expired);
        assertThat(partitionExists(expired)).isTrue();

        var dropped = maintainPartitions.run();

        assertThat(dropped).contains(expired);
        assertThat(partitionExists(expired)).isFalse();
        assertThat(partitionExists(today.plusDays(7))).isTrue();
    }

    @Test
    void givenEventOutsidePreparedPartitions_whenConsumed_thenPartitionCreatedAndEventStored() {
        UUID tenant = UUID.randomUUID();
        Instant farAhead = TestCalendar.now().plus(40, ChronoUnit.DAYS);

        sendUsage(List.of(event(tenant, farAhead, Outcome.ALLOWED, 1)));
        awaitStored(tenant, 1);

        assertThat(partitionExists(LocalDate.ofInstant(farAhead, ZoneOffset.UTC)))
                .isTrue();
    }

    @Test
    void givenCorruptedRollups_whenPlatformAdminRebuilds_thenRollupsMatchRawEvents() {
        UUID tenant = UUID.randomUUID();
        Instant now = TestCalendar.now();
        sendUsage(List.of(
                event(tenant, now, Outcome.ALLOWED, 2),
                event(tenant, now, Outcome.DENIED, 3),
                event(tenant, now, Outcome.SHADOW_DENIED, 4)));
        awaitStored(tenant, 3);
        jdbc.update("update usage_rollup_minute set allowed = 999 where tenant_id = ?", tenant);
        jdbc.update("delete from usage_rollup_day where tenant_id = ?", tenant);
        jdbc.update("update usage_tenant_rollup_hour set cost = 999 where tenant_id = ?", tenant);

        var response = http().post()
                .uri("/v1/admin/rollups/rebuild?from={from}&to={to}", now.minusSeconds(60), now.plusSeconds(60))
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(((Number) response.get("rawEvents")).longValue()).isGreaterThanOrEqualTo(3);

        for (String table : List.of(
                "usage_rollup_minute",
                "usage_rollup_hour",
                "usage_rollup_day",
                "usage_tenant_rollup_minute",
                "usage_tenant_rollup_hour",
                "usage_tenant_rollup_day")) {
            var row = jdbc.queryForMap(
                    "select sum(allowed) a, sum(denied) d, sum(shadow_denied) s, sum(cost) c, sum(denied_cost) dc"
                            + " from " + table + " where tenant_id = ?",
                    tenant);
            assertThat(row.values())
                    .extracting(v -> ((Number) v).longValue())
                    .as(table)
                    .containsExactly(1L, 1L, 1L, 6L, 3L);
        }
    }

    @Test
    void givenTenantAdmin_whenRebuildingRollups_thenForbidden() {
        http().post()
                .uri(
                        "/v1/admin/rollups/rebuild?from={from}&to={to}",
                        TestCalendar.now().minus(1, ChronoUnit.DAYS),
                        TestCalendar.now())
                .header("Authorization", "Bearer " + Tokens.tenantAdmin(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private boolean partitionExists(LocalDate day) {
        return count(
                        "select count(*) from pg_class where relname = ?",
                        "usage_events_p" + day.toString().replace("-", ""))
                == 1;
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedServers.kafka().bootstrapServers()));
    }

    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            var description = admin.describeTopics(List.of(Topics.USAGE_EVENTS))
                    .allTopicNames()
                    .get()
                    .get(Topics.USAGE_EVENTS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description
                    .partitions()
                    .forEach(p ->
                            request.put(new TopicPartition(Topics.USAGE_EVENTS, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        }
    }

    private static void rewind(Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
        offsets.forEach((tp, offset) -> target.put(tp, new OffsetAndMetadata(offset)));
        try (Admin admin = admin()) {
            List<Exception> failures = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline)) {
                try {
                    admin.alterConsumerGroupOffsets("usage-service", target)
                            .all()
                            .get();
                    return;
                } catch (Exception e) {
                    // The group is still leaving (the stopped members' session); try again shortly.
                    failures.add(e);
                    Thread.sleep(200);
                }
            }
            throw new AssertionError("could not rewind the consumer group: " + failures.getLast());
        }
    }
}
