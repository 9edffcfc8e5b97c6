import dev.metricgate.testsupport.SharedServers;
import dev.metricgate.testsupport.Tokens;
import dev.metricgate.usage.UsageApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * usage-service ingest and report benchmark: real PostgreSQL, Kafka and an OIDC issuer on free
 * 127.0.0.1 ports, usage-service in this JVM, N generated usage events pushed through Kafka into
 * PostgreSQL, then the p95 of the summary and time-series endpoints over that data.
 *
 * <p>Run by bench/usage/run.sh; arguments: events (default 1,000,000), queries per endpoint (300),
 * mode: {@code live} (default: each event occurs when it is sent, as enforcement produces them) or
 * {@code spread} (the events are spread evenly over the past 3 days: almost every event opens its
 * own minute bucket, the worst case for the rollups).
 */
public class UsageBench {

    static final String USAGE_EVENTS = "metricgate.usage-events.v1";
    static final String PLAN_CHANGES = "metricgate.plan-changes.v1";
    static final int RESELLERS = 10;
    static final int CUSTOMERS_PER_RESELLER = 10;
    static final int KEYS_PER_CUSTOMER = 10;
    static final String[] ROUTES = {
        "GET /v1/orders", "POST /v1/orders", "GET /v1/orders/{id}", "GET /v1/customers", "POST /v1/payments",
        "GET /v1/products", "PUT /v1/products/{id}", "DELETE /v1/orders/{id}", "GET /v1/invoices", "*"
    };
    static final Duration SPAN = Duration.ofDays(3);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        boolean live = args.length <= 2 || !args[2].equals("spread");

        var postgres = SharedServers.postgres();
        postgres.createDatabase("usage_bench");
        String kafka = SharedServers.kafka().bootstrapServers();
        String issuer = Tokens.issuerUri();
        String jdbcUrl = postgres.jdbcUrl("usage_bench");

        ConfigurableApplicationContext app = SpringApplication.run(
                UsageApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.kafka.listener.auto-startup=false",
                "--logging.level.root=WARN");
        var listeners = app.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class);
        listeners.getListenerContainer("plan-changes").start();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

        UUID root = UUID.randomUUID();
        List<UUID> resellers = new ArrayList<>();
        List<UUID> customers = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        snapshots.add(snapshot(root, "RESELLER", null, 1, 2_000_000_000L));
        for (int r = 0; r < RESELLERS; r++) {
            UUID reseller = UUID.randomUUID();
            resellers.add(reseller);
            snapshots.add(snapshot(reseller, "RESELLER", root, 2, 200_000_000L));
            for (int c = 0; c < CUSTOMERS_PER_RESELLER; c++) {
                UUID customer = UUID.randomUUID();
                customers.add(customer);
                snapshots.add(snapshot(customer, "CUSTOMER", reseller, 3, 20_000_000L));
            }
        }
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < customers.size() * KEYS_PER_CUSTOMER; i++) {
            keys.add(UUID.randomUUID());
        }
        try (var producer = producer(kafka)) {
            String planChange = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"TENANT_CREATED\",\"occurredAt\":\""
                    + Instant.now() + "\",\"tenantId\":\"" + root + "\",\"tenants\":[" + String.join(",", snapshots)
                    + "]}";
            producer.send(new ProducerRecord<>(PLAN_CHANGES, root.toString(), planChange)).get();
        }
        try (var db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            while (count(db, "select count(*) from tenants") < snapshots.size()) {
                Thread.sleep(100);
            }
        }
        System.out.printf("mode: %s, %,d events%n", live ? "live" : "spread over 3 days", events);
        System.out.printf("tenants: 1 root, %d resellers, %d customers, %d API keys, %d routes%n",
                resellers.size(), customers.size(), keys.size(), ROUTES.length);

        // Phase 1: load the topic with every event while usage-service's listener is stopped, so the
        // producer does not compete with the ingest for the CPU. Phase 2 measures Kafka -> PostgreSQL.
        Instant spanStart = Instant.now().minus(SPAN);
        long spanMillis = SPAN.toMillis();
        Random random = new Random(42);
        Instant start = Instant.now();
        long[] producedAt = new long[1];
        Thread producerThread = Thread.ofPlatform().start(() -> {
            try (var producer = producer(kafka)) {
                for (int i = 0; i < events; i++) {
                    int customer = random.nextInt(customers.size());
                    UUID tenant = customers.get(customer);
                    UUID key = keys.get(customer * KEYS_PER_CUSTOMER + random.nextInt(KEYS_PER_CUSTOMER));
                    Instant at = live ? Instant.now() : spanStart.plusMillis(spanMillis * i / events);
                    int roll = random.nextInt(100);
                    String outcome = roll < 90 ? "ALLOWED" : roll < 97 ? "DENIED" : "SHADOW_DENIED";
                    String denied = outcome.equals("ALLOWED") ? "null" : "\"rate\"";
                    UUID eventId = UUID.randomUUID();
                    String json = "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + at + "\",\"tenantId\":\""
                            + tenant + "\",\"apiKeyId\":\"" + key + "\",\"route\":\""
                            + ROUTES[random.nextInt(ROUTES.length)] + "\",\"cost\":" + (1 + random.nextInt(3))
                            + ",\"outcome\":\"" + outcome + "\",\"deniedPolicy\":" + denied
                            + ",\"deniedTenantId\":null,\"deniedLevel\":null}";
                    var record = new ProducerRecord<>(USAGE_EVENTS, tenant.toString(), json);
                    record.headers().add("mg-event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
                producer.flush();
            }
            producedAt[0] = Duration.between(start, Instant.now()).toMillis();
        });

        producerThread.join();
        System.out.printf("produce: %,d events into Kafka in %.1f s (%,.0f events/s)%n",
                events, producedAt[0] / 1000.0, events * 1000.0 / Math.max(1, producedAt[0]));
        Instant consumeStart = Instant.now();
        listeners.getListenerContainer("usage-events").start();
        List<long[]> samples = new ArrayList<>();
        try (var db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            long stored = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
            while (stored < events && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                stored = count(db, "select count(*) from usage_events");
                samples.add(new long[] {Duration.between(consumeStart, Instant.now()).toMillis(), stored});
            }
            long producedMillis = samples.stream()
                    .filter(s -> s[1] > 0)
                    .findFirst()
                    .map(s -> s[0])
                    .orElse(0L);
            long[] last = samples.getLast();
            long[] from10 = firstReaching(samples, events / 10);
            long[] to90 = firstReaching(samples, events * 9L / 10);
            long rollupSum = count(db, "select sum(allowed + denied + shadow_denied) from usage_rollup_minute");
            System.out.printf("ingest: %,d events from Kafka stored in PostgreSQL in %.1f s (listener start to last commit): %,.0f events/s%n",
                    last[1], last[0] / 1000.0, last[1] * 1000.0 / last[0]);
            System.out.printf("ingest: sustained between 10%% and 90%% stored: %,.0f events/s%n",
                    (to90[1] - from10[1]) * 1000.0 / Math.max(1, to90[0] - from10[0]));
            var store = app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .timer("metricgate.usage.ingest.store");
            System.out.printf("ingest: %,d batches stored, mean %.1f ms, max %.1f ms per batch (%.1f s in the database in total)%n",
                    store.count(), store.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    store.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                    store.totalTime(java.util.concurrent.TimeUnit.SECONDS));
            System.out.printf("ingest: minute rollups count %,d decisions (must equal events stored), first commit after %d ms%n",
                    rollupSum, producedMillis);
        }

        // Queries: summary (billing period, subtree) and time series over the ingested data.
        String token = Tokens.platformAdmin();
        HttpClient http = HttpClient.newHttpClient();
        Random pick = new Random(7);
        List<UUID> all = new ArrayList<>();
        all.add(root);
        all.addAll(resellers);
        all.addAll(customers);
        String from = spanStart.toString();
        String to = Instant.now().toString();
        IntFunction<String> summary =
                i -> "/v1/usage/tenants/" + all.get(pick.nextInt(all.size())) + "/summary?period=current";
        IntFunction<String> series = i -> {
            UUID tenant = all.get(pick.nextInt(all.size()));
            String[] shapes = {
                "&granularity=HOUR&includeDescendants=true",
                "&granularity=HOUR&groupBy=TENANT&includeDescendants=true",
                "&granularity=DAY&groupBy=ROUTE&includeDescendants=true",
                "&granularity=MINUTE&groupBy=API_KEY"
            };
            String shape = shapes[i % shapes.length];
            Instant minuteFrom = live ? start.minus(Duration.ofMinutes(10)) : spanStart.plus(Duration.ofDays(1));
            String window = shape.contains("MINUTE")
                    ? "from=" + minuteFrom + "&to=" + minuteFrom.plus(Duration.ofHours(6))
                    : "from=" + from + "&to=" + to;
            return "/v1/usage/tenants/" + tenant + "?" + window + shape;
        };
        measure("summary (current period, subtree)", http, port, token, summary, queries);
        measure("time series (3 days HOUR/DAY subtree, 6 h MINUTE by key)", http, port, token, series, queries);
        measure("summary of the root (all events)", http, port, token,
                i -> "/v1/usage/tenants/" + root + "/summary?period=current", Math.max(20, queries / 10));

        app.close();
        System.exit(0);
    }

    static void measure(String name, HttpClient http, int port, String token, IntFunction<String> uri, int n)
            throws Exception {
        for (int i = 0; i < 20; i++) {
            call(http, port, token, uri.apply(i));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call(http, port, token, uri.apply(i));
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("query: %-60s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", name, n,
                micros.get(n / 2) / 1000.0, micros.get((int) Math.ceil(n * 0.95) - 1) / 1000.0,
                micros.get((int) Math.ceil(n * 0.99) - 1) / 1000.0, micros.getLast() / 1000.0);
    }

    static void call(HttpClient http, int port, String token, String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    static long[] firstReaching(List<long[]> samples, long stored) {
        return samples.stream().filter(s -> s[1] >= stored).findFirst().orElse(samples.getLast());
    }

    static long count(java.sql.Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String snapshot(UUID id, String kind, UUID parent, int level, long quota) {
        return "{\"id\":\"" + id + "\",\"name\":\"bench " + kind.toLowerCase() + " " + id + "\",\"kind\":\"" + kind
                + "\",\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"") + ",\"level\":" + level
                + ",\"status\":\"ACTIVE\",\"timeZone\":\"Europe/Berlin\",\"billingAnchorDay\":1,\"monthlyQuota\":"
                + quota + "}";
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "all"));
    }
}
