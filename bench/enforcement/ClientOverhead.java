import dev.metricgate.client.CheckRequest;
import dev.metricgate.client.CheckResult;
import dev.metricgate.client.MetricGateClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 13. What metricgate-client costs a caller (issue 15: at most 1 ms p50 over a direct HTTP call):
 * 8 threads, each with one call in flight, send {@code POST /v1/check} to the in-process
 * enforcement-service over the 10,000 keys, either through a bare JDK {@link HttpClient} (the
 * request the client sends, the answer read as bytes and not parsed) or through {@link
 * MetricGateClient#check} (request built, answer parsed into a typed result, listener told). Both
 * use HTTP/1.1 connections the JDK client pools, about one per thread. The two take turns in the
 * rounds, the order swapped every round, and each side's p50 and p99 come from all its calls.
 */
final class ClientOverhead {

    static final int THREADS = 8;
    static final String ROUTE = "GET /v1/orders";

    private ClientOverhead() {}

    static List<String> run(String base, int keys, int rounds, int slice) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        MetricGateClient client = MetricGateClient.builder(URI.create(base))
                .timeout(Duration.ofSeconds(5))
                .build();
        URI check = URI.create(base + "/v1/check");
        byte[] body = ("{\"route\":\"" + ROUTE + "\",\"cost\":1}").getBytes(StandardCharsets.UTF_8);
        Call direct = key -> {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(check)
                            .timeout(Duration.ofSeconds(5))
                            .header("X-Api-Key", key)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, application/problem+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 || response.statusCode() == 429;
        };
        Call typed = key -> {
            CheckResult result = client.check(new CheckRequest(key, ROUTE, 1));
            return result instanceof CheckResult.Allowed || result instanceof CheckResult.Denied;
        };
        System.out.println("warming up the client comparison: 10 s each of the direct call and MetricGateClient");
        drive(direct, keys, 10);
        drive(typed, keys, 10);
        Side directSide = new Side();
        Side clientSide = new Side();
        for (int round = 1; round <= rounds; round++) {
            if (round % 2 == 1) {
                directSide.add(drive(direct, keys, slice));
                clientSide.add(drive(typed, keys, slice));
            } else {
                clientSide.add(drive(typed, keys, slice));
                directSide.add(drive(direct, keys, slice));
            }
        }
        client.close();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("metricgate-client next to a direct JDK HttpClient call, POST /v1/check over the 10,000 keys, "
                + THREADS + " threads with one call in flight each, " + rounds + " interleaved rounds of " + slice + " s:");
        lines.add("");
        lines.add("| caller | calls/s | p50 ms | p99 ms | errors |");
        lines.add("|---|---|---|---|---|");
        lines.add(directSide.row("direct: JDK HttpClient, answer read as bytes"));
        lines.add(clientSide.row("MetricGateClient.check, answer parsed and typed"));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "- the client adds %.3f ms at p50 (target: at most 1 ms) and %.3f ms at p99",
                (clientSide.percentile(0.50) - directSide.percentile(0.50)) / 1e6,
                (clientSide.percentile(0.99) - directSide.percentile(0.99)) / 1e6));
        lines.forEach(System.out::println);
        return lines;
    }

    interface Call {
        /** Sends one check for the key; whether the service decided it (allowed or denied). */
        boolean send(String key) throws Exception;
    }

    /** One caller's slice: latencies in ns, the calls that were not decided, and how long it ran. */
    record Run(long[] latencies, long errors, long nanos) {}

    static Run drive(Call call, int keys, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<long[]>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t * (keys / THREADS);
                threads.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    int next = first;
                    while (System.nanoTime() < deadline) {
                        String key = EnforcementBench.benchKey(next);
                        next = (next + 1) % keys;
                        long sent = System.nanoTime();
                        boolean decided;
                        try {
                            decided = call.send(key);
                        } catch (Exception e) {
                            decided = false;
                        }
                        long took = System.nanoTime() - sent;
                        if (!decided) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> thread : threads) {
                all.add(thread.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new Run(merged, errors.get(), System.nanoTime() - started);
        }
    }

    static final class Side {

        private final List<long[]> latencies = new ArrayList<>();
        private long errors;
        private long nanos;

        void add(Run run) {
            latencies.add(run.latencies());
            errors += run.errors();
            nanos += run.nanos();
        }

        long count() {
            return latencies.stream().mapToLong(l -> l.length).sum();
        }

        double percentile(double p) {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.floor(p * all.length))];
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %,.0f | %.3f | %.3f | %d |", name, count() / (nanos / 1e9),
                    percentile(0.50) / 1e6, percentile(0.99) / 1e6, errors);
        }
    }
}
