package dev.metricgate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.contracts.UsageEvent.Outcome;
import dev.metricgate.testsupport.TestCalendar;
import dev.metricgate.testsupport.Tokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Time series, billing-period summaries and CSV exports over real ingested data. */
class UsageReportsIT extends UsageServiceIT {

    @Test
    void givenResellerWithCustomers_whenReportingSubtree_thenItEqualsTheSumOfItsCustomers() {
        UUID reseller = UUID.randomUUID();
        UUID subReseller = UUID.randomUUID();
        UUID customer1 = UUID.randomUUID();
        UUID customer2 = UUID.randomUUID();
        UUID otherRoot = UUID.randomUUID();
        publishTenants(
                tenant(reseller, "RESELLER", null, 1, "UTC", 1, null),
                tenant(subReseller, "RESELLER", reseller, 2, "UTC", 1, null),
                tenant(customer1, "CUSTOMER", subReseller, 3, "UTC", 1, null),
                tenant(customer2, "CUSTOMER", reseller, 2, "UTC", 1, null),
                tenant(otherRoot, "CUSTOMER", null, 1, "UTC", 1, null));
        Instant now = TestCalendar.now();
        List<UsageEvent> events = new ArrayList<>();
        IntStream.range(0, 3).forEach(i -> events.add(event(customer1, now, Outcome.ALLOWED, 2)));
        events.add(event(customer1, now, Outcome.DENIED, 4));
        IntStream.range(0, 5).forEach(i -> events.add(event(customer2, now, Outcome.ALLOWED, 1)));
        IntStream.range(0, 2).forEach(i -> events.add(event(customer2, now, Outcome.SHADOW_DENIED, 3)));
        events.add(event(otherRoot, now, Outcome.ALLOWED, 50));
        sendUsage(events);
        awaitStored(customer1, 4);
        awaitStored(customer2, 7);
        awaitStored(otherRoot, 1);

        String from = now.minus(1, ChronoUnit.DAYS).toString();
        String to = now.plus(1, ChronoUnit.DAYS).toString();
        Map<?, ?> byTenant = timeSeries(
                reseller,
                "from=" + from + "&to=" + to + "&granularity=DAY&groupBy=TENANT" + "&includeDescendants=true");
        Map<?, ?> subtree =
                timeSeries(reseller, "from=" + from + "&to=" + to + "&granularity=DAY&includeDescendants=true");
        Map<?, ?> c1 = timeSeries(customer1, "from=" + from + "&to=" + to + "&granularity=DAY");
        Map<?, ?> c2 = timeSeries(customer2, "from=" + from + "&to=" + to + "&granularity=DAY");

        assertThat(totals(subtree)).containsExactly(8L, 1L, 2L, 17L, 4L);
        assertThat(totals(byTenant)).isEqualTo(totals(subtree));
        assertThat(sum(totals(c1), totals(c2))).isEqualTo(totals(subtree));
        assertThat(groups(byTenant)).containsExactlyInAnyOrder(customer1.toString(), customer2.toString());

        var summary = summary(reseller, "current");
        assertThat(summary)
                .containsEntry("used", 17)
                .containsEntry("allowed", 8)
                .containsEntry("denied", 1)
                .containsEntry("shadowDenied", 2);
        var customer1Summary = summary(customer1, "current");
        var customer2Summary = summary(customer2, "current");
        assertThat((Integer) customer1Summary.get("used") + (Integer) customer2Summary.get("used"))
                .isEqualTo(17);
    }

    @Test
    void givenCustomerMovedToAnotherReseller_whenReportingEachSubtree_thenEachCountsWhatItWasCharged() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        publishTenants(
                tenant(first, "RESELLER", null, 1, "UTC", 1, null),
                tenant(second, "RESELLER", null, 1, "UTC", 1, null),
                tenant(customer, "CUSTOMER", first, 2, "UTC", 1, null));
        Instant now = TestCalendar.now();
        List<UsageEvent> before = IntStream.range(0, 3)
                .mapToObj(i -> charged(customer, now, 5, first, customer))
                .toList();
        sendUsage(before);
        awaitStored(customer, 3);
        // the customer moves to the second reseller: what it uses from now on is charged there
        publishTenants(tenant(customer, "CUSTOMER", second, 2, "UTC", 1, null));
        sendUsage(IntStream.range(0, 4)
                .mapToObj(i -> charged(customer, now.plusSeconds(1), 2, second, customer))
                .toList());
        awaitStored(customer, 7);

        assertThat(summary(first, "current")).containsEntry("used", 15).containsEntry("allowed", 3);
        assertThat(summary(second, "current")).containsEntry("used", 8).containsEntry("allowed", 4);
        assertThat(summary(customer, "current")).containsEntry("used", 23);
        String range = "from=" + now.minus(1, ChronoUnit.DAYS) + "&to=" + now.plus(1, ChronoUnit.DAYS);
        assertThat(totals(timeSeries(first, range + "&granularity=HOUR&includeDescendants=true")))
                .containsExactly(3L, 0L, 0L, 15L, 0L);
        assertThat(totals(timeSeries(second, range + "&granularity=DAY&includeDescendants=true")))
                .containsExactly(4L, 0L, 0L, 8L, 0L);
    }

    @Test
    void givenChargedUsage_whenAServiceAsksWhatWasChargedToATenant_thenItGetsTheSubtreesCostInTheRange() {
        UUID reseller = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        publishTenants(
                tenant(reseller, "RESELLER", null, 1, "UTC", 1, 1_000L),
                tenant(customer, "CUSTOMER", reseller, 2, "UTC", 1, null));
        Instant now = TestCalendar.now().truncatedTo(ChronoUnit.MINUTES);
        sendUsage(List.of(
                charged(customer, now, 7, reseller, customer),
                charged(customer, now.plusSeconds(90), 11, reseller, customer),
                charged(reseller, now.plusSeconds(30), 3, reseller),
                event(customer, now.plusSeconds(30), Outcome.DENIED, 100),
                charged(customer, now.plus(2, ChronoUnit.HOURS), 13, reseller, customer)));
        awaitStored(customer, 4);
        awaitStored(reseller, 1);
        String path =
                "/internal/v1/tenants/" + reseller + "/charged?from=" + now + "&to=" + now.plus(1, ChronoUnit.HOURS);
        String service = Tokens.service("enforcement-service", "usage-service", "internal-service");

        Map<String, Object> charged = http().get()
                .uri(path)
                .header("Authorization", "Bearer " + service)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(charged).containsEntry("tenantId", reseller.toString()).containsEntry("cost", 7 + 11 + 3);
        http().get()
                .uri(path)
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isForbidden();
        http().get()
                .uri("/internal/v1/tenants/" + reseller + "/charged?from=" + now + "&to=" + now)
                .header("Authorization", "Bearer " + service)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** An allowed decision charged to {@code chain} (root first), as enforcement-service sends it. */
    private static UsageEvent charged(UUID tenant, Instant at, int cost, UUID... chain) {
        return new UsageEvent(
                UUID.randomUUID(),
                at,
                tenant,
                UUID.randomUUID(),
                "GET /orders",
                cost,
                Outcome.ALLOWED,
                null,
                null,
                null,
                List.of(chain));
    }

    @Test
    void givenTenantInKolkataWithAnchorDay_whenSummarizing_thenPeriodFollowsItsCalendar() {
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        LocalDate today = LocalDate.ofInstant(TestCalendar.now(), zone);
        int anchor = Math.min(today.getDayOfMonth(), 28);
        Instant start = today.withDayOfMonth(anchor).atStartOfDay(zone).toInstant();
        Instant end =
                today.withDayOfMonth(anchor).plusMonths(1).atStartOfDay(zone).toInstant();
        Instant previousStart =
                today.withDayOfMonth(anchor).minusMonths(1).atStartOfDay(zone).toInstant();
        UUID parent = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        publishTenants(
                tenant(parent, "RESELLER", null, 1, zone.getId(), anchor, 1_000L),
                tenant(child, "CUSTOMER", parent, 2, "UTC", 1, null));
        sendUsage(List.of(
                event(parent, previousStart.minusSeconds(60), Outcome.ALLOWED, 3),
                event(parent, previousStart, Outcome.ALLOWED, 5),
                event(parent, start.minusSeconds(60), Outcome.ALLOWED, 7),
                event(parent, start, Outcome.ALLOWED, 11),
                event(parent, start.plusSeconds(60), Outcome.ALLOWED, 13),
                event(parent, end.minusSeconds(60), Outcome.ALLOWED, 17),
                event(parent, end, Outcome.ALLOWED, 19),
                event(parent, start.plusSeconds(3600 * 30), Outcome.DENIED, 100),
                event(child, start.plusSeconds(3600 * 50), Outcome.ALLOWED, 23)));
        awaitStored(parent, 8);
        awaitStored(child, 1);

        var current = summary(parent, "current");
        var previous = summary(parent, "previous");

        assertThat(current)
                .containsEntry("periodStart", start.toString())
                .containsEntry("periodEnd", end.toString())
                .containsEntry("quota", 1000)
                .containsEntry("used", 11 + 13 + 17 + 23)
                .containsEntry("remaining", 1000 - 64)
                .containsEntry("allowed", 4)
                .containsEntry("denied", 1);
        assertThat(previous)
                .containsEntry("periodStart", previousStart.toString())
                .containsEntry("periodEnd", start.toString())
                .containsEntry("used", 5 + 7)
                .containsEntry("allowed", 2);
    }

    @Test
    void givenTenantInTokyo_whenReportingDays_thenBucketsStartAtItsMidnightUnlessAnotherZoneIsAsked() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        // yesterday's midnight in Tokyo is 15:00 UTC the day before: all of it is in the past
        Instant midnight = LocalDate.ofInstant(TestCalendar.now(), tokyo)
                .minusDays(1)
                .atStartOfDay(tokyo)
                .toInstant();
        UUID tenant = UUID.randomUUID();
        publishTenants(tenant(tenant, "RESELLER", null, 1, tokyo.getId(), 1, null));
        sendUsage(List.of(
                event(tenant, midnight.minusSeconds(60), Outcome.ALLOWED, 1),
                event(tenant, midnight.plusSeconds(60), Outcome.ALLOWED, 2),
                event(tenant, midnight.plusSeconds(10 * 3600), Outcome.ALLOWED, 4)));
        awaitStored(tenant, 3);
        String range = "granularity=DAY&from=" + midnight.minus(1, ChronoUnit.DAYS) + "&to="
                + midnight.plus(1, ChronoUnit.DAYS);

        Map<?, ?> local = timeSeries(tenant, range);
        Map<?, ?> utc = timeSeries(tenant, range + "&timeZone=UTC");

        assertThat(local.get("timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(days(local))
                .containsExactly(
                        Map.entry(midnight.minus(1, ChronoUnit.DAYS).toString(), 1),
                        Map.entry(midnight.toString(), 2 + 4));
        // 14:59 and 15:01 UTC are one UTC day; 01:00 UTC the next
        Instant utcDay = midnight.truncatedTo(ChronoUnit.DAYS);
        assertThat(days(utc))
                .containsExactly(
                        Map.entry(utcDay.toString(), 1 + 2),
                        Map.entry(utcDay.plus(1, ChronoUnit.DAYS).toString(), 4));
        expectBadRequest("/v1/usage/tenants/" + tenant + "?" + range + "&timeZone=Mars/Olympus", "timeZone");
    }

    /** Bucket start → cost, in bucket order. */
    private static List<Map.Entry<String, Integer>> days(Map<?, ?> series) {
        return ((List<?>) series.get("points"))
                .stream()
                        .map(point -> (Map<?, ?>) point)
                        .map(point -> Map.entry((String) point.get("bucket"), (Integer) point.get("cost")))
                        .toList();
    }

    @Test
    void givenEventsOnTwoKeysAndRoutes_whenGroupingByKeyOrRoute_thenOneSeriesEach() {
        UUID tenant = UUID.randomUUID();
        publishTenants(tenant(tenant, "CUSTOMER", null, 1, "UTC", 1, null));
        Instant at = TestCalendar.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(90);
        UUID key = UUID.randomUUID();
        sendUsage(List.of(
                new UsageEvent(
                        UUID.randomUUID(), at, tenant, key, "GET /a", 1, Outcome.ALLOWED, null, null, null, null),
                new UsageEvent(
                        UUID.randomUUID(), at, tenant, key, "GET /b", 2, Outcome.ALLOWED, null, null, null, null),
                new UsageEvent(
                        UUID.randomUUID(),
                        at.plusSeconds(60),
                        tenant,
                        null,
                        null,
                        4,
                        Outcome.DENIED,
                        "rate",
                        null,
                        null,
                        null)));
        awaitStored(tenant, 3);
        String range = "from=" + at.minusSeconds(3600) + "&to=" + at.plusSeconds(3600);

        Map<?, ?> byKey = timeSeries(tenant, range + "&granularity=MINUTE&groupBy=API_KEY");
        Map<?, ?> byRoute = timeSeries(tenant, range + "&granularity=HOUR&groupBy=ROUTE");

        assertThat(points(byKey)).hasSize(2);
        assertThat(points(byKey).get(0))
                .containsEntry("group", key.toString())
                .containsEntry("allowed", 2)
                .containsEntry("cost", 3);
        assertThat(points(byKey).get(1))
                .containsEntry("group", null)
                .containsEntry("denied", 1)
                .containsEntry("deniedCost", 4);
        assertThat(groups(byRoute)).containsExactly("*", "GET /a", "GET /b");
    }

    @Test
    void givenMillionRollupRows_whenExportingCsv_thenStreamedInBoundedMemory() throws Exception {
        UUID tenant = UUID.randomUUID();
        publishTenants(tenant(tenant, "CUSTOMER", null, 1, "UTC", 1, null));
        // a whole UTC day a month back, whatever today is
        Instant day = TestCalendar.now().truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
        jdbc.update("""
                insert into usage_rollup_minute
                    (tenant_id, bucket, api_key_id, route, allowed, denied, shadow_denied, cost, denied_cost)
                select ?, cast(? as timestamptz) + m * interval '1 minute', md5(k::text)::uuid,
                       'GET /orders', 1, 0, 0, 1, 0
                from generate_series(0, 999) m, generate_series(1, 1000) k
                """, tenant, java.sql.Timestamp.from(day));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/usage/tenants/" + tenant
                        + "/export?from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS) + "&granularity=MINUTE"))
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .build();
        long baseline = usedHeapAfterGc();
        long maxGrowth = 0;
        long lines = 0;
        long bytes = 0;

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<java.io.InputStream> response =
                    client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    bytes += line.length() + 1;
                    if (lines % 200_000 == 0) {
                        maxGrowth = Math.max(maxGrowth, usedHeapAfterGc() - baseline);
                    }
                }
            }
        }

        assertThat(lines).isEqualTo(1_000_001);
        assertThat(bytes).isGreaterThan(100_000_000);
        assertThat(maxGrowth).isLessThan(bytes / 4);
    }

    @Test
    void givenBadQueryParameters_whenQuerying_thenBadRequestNamingTheFields() {
        UUID tenant = UUID.randomUUID();
        publishTenants(tenant(tenant, "CUSTOMER", null, 1, "UTC", 1, null));
        String base = "/v1/usage/tenants/" + tenant;

        Instant today = TestCalendar.now().truncatedTo(ChronoUnit.DAYS);
        String day = "from=" + today.minus(1, ChronoUnit.DAYS) + "&to=" + today;
        expectBadRequest(base + "?from=" + today + "&to=" + today.minus(1, ChronoUnit.DAYS), "to");
        expectBadRequest(base + "?to=" + today, "from");
        expectBadRequest(base + "?from=yesterday&to=" + today, "from");
        expectBadRequest(base + "?" + day + "&granularity=WEEK", "granularity");
        expectBadRequest(base + "?" + day + "&groupBy=COUNTRY", "groupBy");
        expectBadRequest(base + "?" + day + "&includeDescendants=maybe", "includeDescendants");
        expectBadRequest(
                base + "?from=" + today.minus(365, ChronoUnit.DAYS) + "&to=" + today + "&granularity=MINUTE",
                "granularity");
        expectBadRequest(base + "/summary?period=next", "period");
        expectBadRequest(base + "/export?from=" + today, "to");
        expectBadRequest("/v1/usage/tenants/not-a-uuid/summary", "id");
    }

    private void expectBadRequest(String uri, String field) {
        http().get()
                .uri(uri)
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString()).contains(field));
    }

    private Map<?, ?> timeSeries(UUID tenant, String query) {
        return http().get()
                .uri("/v1/usage/tenants/" + tenant + "?" + query)
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary(UUID tenant, String period) {
        return (Map<String, Object>) http().get()
                .uri("/v1/usage/tenants/" + tenant + "/summary?period=" + period)
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<?, ?> series) {
        return (List<Map<String, Object>>) series.get("points");
    }

    private static List<String> groups(Map<?, ?> series) {
        return points(series).stream()
                .map(point -> (String) point.get("group"))
                .distinct()
                .toList();
    }

    /** allowed, denied, shadowDenied, cost, deniedCost over every point. */
    private static List<Long> totals(Map<?, ?> series) {
        long[] sums = new long[5];
        for (var point : points(series)) {
            sums[0] += ((Number) point.get("allowed")).longValue();
            sums[1] += ((Number) point.get("denied")).longValue();
            sums[2] += ((Number) point.get("shadowDenied")).longValue();
            sums[3] += ((Number) point.get("cost")).longValue();
            sums[4] += ((Number) point.get("deniedCost")).longValue();
        }
        return List.of(sums[0], sums[1], sums[2], sums[3], sums[4]);
    }

    private static List<Long> sum(List<Long> a, List<Long> b) {
        return IntStream.range(0, a.size()).mapToObj(i -> a.get(i) + b.get(i)).toList();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
