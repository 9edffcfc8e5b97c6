package dev.metricgate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.QuotaAlertEvent;
import dev.metricgate.contracts.Topics;
import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.Tokens;
import dev.metricgate.usage.application.EvaluateQuotaAlerts;
import dev.metricgate.usage.application.PublishQuotaAlerts;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 80% and 100% of a period quota are announced once each, for the tenant and its ancestors. */
class QuotaAlertsIT extends UsageServiceIT {

    @Autowired
    EvaluateQuotaAlerts evaluateQuotaAlerts;

    @Autowired
    PublishQuotaAlerts publishQuotaAlerts;

    @Autowired
    MeterRegistry meters;

    @Test
    void givenUsageCrossingThresholds_whenConsumed_thenEachThresholdAlertedOncePerPeriod() {
        UUID reseller = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        publishTenants(
                tenant(reseller, "RESELLER", null, 1, "UTC", 1, 200L),
                tenant(customer, "CUSTOMER", reseller, 2, "Europe/Berlin", 10, 100L));

        sendUsage(List.of(allowed(customer, 79)));
        awaitStored(customer, 1);
        sendUsage(List.of(allowed(customer, 1)));
        awaitAlerts(customer, 1);
        sendUsage(List.of(allowed(customer, 5), allowed(customer, 5)));
        awaitStored(customer, 4);
        sendUsage(List.of(allowed(customer, 10), allowed(customer, 50), allowed(customer, 20)));
        awaitAlerts(customer, 2);
        awaitAlerts(reseller, 1);
        sendUsage(List.of(allowed(customer, 20)));
        awaitStored(customer, 8);
        evaluateQuotaAlerts.evaluateAll();
        publishQuotaAlerts.publishPending();

        var customerAlerts = alertsOf(customer, 2);
        assertThat(customerAlerts).extracting(QuotaAlertEvent::thresholdPercent).containsExactlyInAnyOrder(80, 100);
        assertThat(customerAlerts)
                .filteredOn(a -> a.thresholdPercent() == 80)
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.used()).isEqualTo(80);
                    assertThat(alert.quota()).isEqualTo(100);
                });
        var resellerAlerts = alertsOf(reseller, 2);
        assertThat(resellerAlerts).extracting(QuotaAlertEvent::thresholdPercent).containsExactly(80);
        assertThat(count("select count(*) from quota_alerts where tenant_id = ?", customer))
                .isEqualTo(2);
        assertThat(count("select count(*) from quota_alerts where tenant_id = ? and published_at is null", customer))
                .isZero();
        assertThat(meters.counter("metricgate.quota.alerts", "threshold", "100").count())
                .isGreaterThanOrEqualTo(1);

        // and an admin reads them, newest first
        JsonNode listed = http().get()
                .uri("/v1/usage/tenants/" + customer + "/alerts")
                .header("Authorization", "Bearer " + Tokens.tenantAdmin(reseller))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("thresholdPercent").asInt()).isEqualTo(100);
        assertThat(listed.get(1).get("thresholdPercent").asInt()).isEqualTo(80);
        assertThat(listed.get(1).get("used").asLong()).isEqualTo(80);
        assertThat(listed.get(1).get("quota").asLong()).isEqualTo(100);
    }

    @Test
    void givenTenantWithoutQuota_whenUsageGrows_thenNoAlert() {
        UUID tenant = UUID.randomUUID();
        publishTenants(tenant(tenant, "CUSTOMER", null, 1, "UTC", 1, null));

        sendUsage(List.of(allowed(tenant, 1_000_000)));
        awaitStored(tenant, 1);
        evaluateQuotaAlerts.evaluateAll();

        assertThat(count("select count(*) from quota_alerts where tenant_id = ?", tenant))
                .isZero();
    }

    private void awaitAlerts(UUID tenant, long expected) {
        await(
                () -> count(
                                "select count(*) from quota_alerts where tenant_id = ? and published_at is not null",
                                tenant)
                        >= expected,
                expected + " alerts of " + tenant + " published");
    }

    /** Reads the alert topic for a while longer than needed, so a duplicate would show up. */
    private List<QuotaAlertEvent> alertsOf(UUID tenant, int atMostExpected) {
        return KafkaRecords.await(
                        Topics.QUOTA_ALERTS,
                        r -> r.key().equals(tenant.toString()),
                        atMostExpected + 1,
                        Duration.ofSeconds(3))
                .stream()
                .peek(r -> assertThat(new String(
                                r.headers().lastHeader(Topics.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8))
                        .isNotBlank())
                .map(r -> json.readValue(r.value(), QuotaAlertEvent.class))
                .toList();
    }
}
