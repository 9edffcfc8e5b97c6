import dev.metricgate.contracts.ApiKeyHash;
import dev.metricgate.contracts.ChargedUsage;
import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.contracts.KeyResolution.EffectiveLimits;
import dev.metricgate.contracts.KeyResolution.RouteLimit;
import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.devstack.Net;
import dev.metricgate.enforcement.EnforcementApplication;
import dev.metricgate.enforcement.application.ResolveApiKey;
import dev.metricgate.enforcement.application.port.out.LimitStore;
import dev.metricgate.enforcement.domain.CheckPlan;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.Verdict;
import dev.metricgate.testsupport.SharedServers;
import dev.metricgate.testsupport.Tokens;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enforcement benchmark: real Redis and Kafka and an OIDC issuer on free 127.0.0.1 ports, a
 * stand-in for plans-service answering key resolutions for TREES tenant trees (a reseller with
 * CUSTOMERS customers of KEYS_PER_CUSTOMER keys each), enforcement-service in this JVM, and wrk
 * driving it from outside. Prints throughput and latency of POST /v1/check (many keys at 64 and 8
 * connections, one hot key at 64), of GET /v1/ping (the framework's ceiling) with the ratio, and
 * Redis commands per decision from INFO commandstats. For scale it also measures the reference
 * point, a bare endpoint that only runs one EVALSHA of a one-command script through Spring Data Redis,
 * and the floor of any check: an endpoint that only runs the production charge script through the
 * production client. And it compares /v1/check with the peer a Java user would pick instead of
 * MetricGate, a Spring Boot app with a Bucket4j bucket per API key in the same Redis through Lettuce
 * (bench/bucket4j, started as a child process), on the 50 keys of one more tree and on one hot key.
 *
 * <p>Run by bench/run.sh. Environment: BENCH_WARMUP (seconds, default 50), BENCH_DURATION (seconds
 * per measured phase, default 20), BENCH_ROUNDS (the phases take turns in this many slices, default
 * 4), BENCH_THREADS (wrk threads, default 2), BENCH_SERVER_JVM_OPTS (the JVM options of this JVM, which
 * the Bucket4j peer gets too).
 */
public class EnforcementBench {

    static final int TREES = 500;
    static final int CUSTOMERS = 4;
    static final int KEYS_PER_CUSTOMER = 5;
    static final int KEYS = TREES * CUSTOMERS * KEYS_PER_CUSTOMER;
    /**
     * One more tree for the phases that compare with Bucket4j: a reseller with TREE_CUSTOMERS customers
     * of KEYS_PER_CUSTOMER keys each, keys KEYS to KEYS + TREE_KEYS - 1.
     */
    static final int TREE_CUSTOMERS = 10;
    static final int TREE_KEYS = TREE_CUSTOMERS * KEYS_PER_CUSTOMER;
    /** Every reseller's limits, and every customer's: the Bucket4j peer gets the customer's per key. */
    static final EffectiveLimits RESELLER_LIMITS =
            new EffectiveLimits(1_000_000, 1_000_000, 1_000_000_000_000L, List.of(), "FAIL_SOFT", false);
    static final EffectiveLimits CUSTOMER_LIMITS = new EffectiveLimits(500_000, 500_000, 100_000_000_000L,
            List.of(new RouteLimit("POST /v1/orders", 100_000, 100_000)), "FAIL_SOFT", false);
    /** The routes wrk.lua sends, key {@code i} with route {@code i % 4}. */
    static final List<String> ROUTES = List.of("GET /v1/orders", "POST /v1/orders", "GET /v1/customers", "*");

    /** The API keys a phase sends: {@code count} keys from index {@code first} on; "hot" sends the first. */
    record Keys(int first, int count) {}

    static final Keys ALL_KEYS = new Keys(0, KEYS);
    static final Keys TREE = new Keys(KEYS, TREE_KEYS);

    /**
     * @param paceMillis pause of each connection between an answer and its next call, 0 = none
     * @param server what wrk drives: enforcement-service in-process, the Bucket4j peer, or the baseline
     *     build of enforcement-service (before metering) as a child process
     */
    enum Server { SERVICE, BUCKET4J, BASELINE }

    record Phase(String name, String mode, int connections, int paceMillis, Keys keys, Server server) {

        /** Phases whose requests run the charge script in-process (the others may still see late ones finish). */
        boolean charges() {
            return server == Server.SERVICE && (mode.equals("check") || mode.equals("hot") || mode.equals("floor"));
        }

        /** Phases whose every request is one rate-limit decision in Redis. */
        boolean decides() {
            return charges() || peer();
        }

        boolean bucket4j() {
            return server == Server.BUCKET4J;
        }

        /** Phases driving a child process rather than the in-process service. */
        boolean peer() {
            return server != Server.SERVICE;
        }

        Phase(String name, String mode, int connections, int paceMillis) {
            this(name, mode, connections, paceMillis, ALL_KEYS, Server.SERVICE);
        }

        Phase(String name, String mode, int connections) {
            this(name, mode, connections, 0);
        }
    }

    /**
     * The reference point of issue 4, added to the service for the benchmark only: {@code GET
     * /v1/check} (the security chain already lets the path through; the product maps only POST) runs
     * one EVALSHA through Spring Data Redis and answers. No key, no hierarchy, no usage event.
     */
    @RestController
    public static class BareEvalsha {

        private static final RedisScript<Long> INCR = RedisScript.of("return redis.call('INCR', KEYS[1])", Long.class);
        private final StringRedisTemplate redis;

        public BareEvalsha(StringRedisTemplate redis) {
            this.redis = redis;
        }

        @GetMapping(path = "/v1/check", produces = "application/json")
        Map<String, Object> bare() {
            return Map.of("allowed", true, "calls", redis.execute(INCR, List.of("bench:bare")));
        }
    }

    /**
     * The floor of any check, added to the service for the benchmark only: {@code GET
     * /v1/check?charge} runs the production charge script for one of the benchmark's keys through the
     * production client ({@link LimitStore}), with the grant and limit plan resolved up front. No key
     * lookup, no body, no RateLimit headers: what is left is the one Redis round trip per decision
     * that the issue asks for, which charges and meters it (ADR 0018), on the same server stack as {@code /v1/ping}.
     */
    @RestController
    public static class ChargeScriptOnly {

        private final ResolveApiKey keys;
        private final LimitStore limits;
        private static final long STARTED = System.currentTimeMillis();
        private final AtomicInteger next = new AtomicInteger();
        private volatile KeyGrant[] grants;
        private volatile List<List<LimitCheck>> plans;

        public ChargeScriptOnly(ResolveApiKey keys, LimitStore limits) {
            this.keys = keys;
            this.limits = limits;
        }

        /** Resolves every key once (from the primed cache), with its route as wrk.lua sends it. */
        void prepare() {
            Instant now = Instant.now();
            KeyGrant[] resolved = new KeyGrant[KEYS];
            List<List<LimitCheck>> planned = new ArrayList<>(KEYS);
            for (int i = 0; i < KEYS; i++) {
                resolved[i] = keys.resolve(benchKey(i));
                planned.add(CheckPlan.of(resolved[i], ROUTES.get(i % ROUTES.size()), now));
            }
            plans = planned;
            grants = resolved;
        }

        @GetMapping(path = "/v1/check", params = "charge", produces = "application/json")
        Map<String, Object> charge() {
            int n = next.getAndIncrement();
            int i = Math.floorMod(n, KEYS);
            KeyGrant grant = grants[i];
            var usage = new dev.metricgate.contracts.UsageEvent(
                    new java.util.UUID(STARTED, n),
                    Instant.now(),
                    grant.tenantId(),
                    grant.keyId(),
                    ROUTES.get(i % ROUTES.size()),
                    1,
                    dev.metricgate.contracts.UsageEvent.Outcome.ALLOWED,
                    null,
                    null,
                    null,
                    grant.chain().stream().map(tenant -> tenant.tenantId()).toList());
            return Map.of("allowed", limits.charge(grant, plans.get(i), 1, usage).verdict() == Verdict.ALLOWED);
        }
    }

    record Result(Phase phase, long requests, double seconds, long socketErrors, long non2xx, long p50, long p99,
            long p999, double commandsPerRequest, String commands, double localHitRatio, long fallbacks, Cpu cpu,
            double redisRoundTripMicros, double casRetries) {

        double rps() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(env("BENCH_WARMUP", "50"));
        int duration = Integer.parseInt(env("BENCH_DURATION", "20"));
        int threads = Integer.parseInt(env("BENCH_THREADS", "2"));
        int pace = Integer.parseInt(env("BENCH_PACE_MS", "2"));
        int rounds = Integer.parseInt(env("BENCH_ROUNDS", "4"));
        Path script = Path.of("bench/enforcement/wrk.lua").toAbsolutePath();

        int redisPort = SharedServers.redis().port();
        String kafka = SharedServers.kafka().bootstrapServers();
        long kafkaPid = SharedServers.kafka().pid();
        String issuer = Tokens.issuerUri();
        HttpServer plans = plansStandIn();

        ConfigurableApplicationContext app = SpringApplication.run(
                new Class<?>[] {EnforcementApplication.class, BareEvalsha.class, ChargeScriptOnly.class},
                new String[] {
                "--server.port=0",
                "--spring.data.redis.port=" + redisPort,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.client.provider.metricgate.token-uri=" + issuer + "/token",
                "--metricgate.enforcement.plans-service-url=http://127.0.0.1:" + plans.getAddress().getPort(),
                "--metricgate.enforcement.usage-service-url=http://127.0.0.1:" + plans.getAddress().getPort(),
                // the phases measure the warm-cache path: the run lasts longer than the 5 min default,
                // after which every key would be resolved again from Redis once
                "--metricgate.enforcement.local-cache-ttl=30m",
                "--logging.level.root=WARN",
                // h2load ends each slice by closing its connections with streams in flight: gRPC's
                // "Stream closed before write" warnings, one per stream, say nothing about the service
                "--logging.level.io.grpc.netty.NettyServerHandler=ERROR"});
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String base = "http://127.0.0.1:" + port;
        probe(base);

        RedisClient redisClient = RedisClient.create("redis://127.0.0.1:" + redisPort);
        List<Result> results = new ArrayList<>();
        Peer peer = null;
        Peer baseline = null;
        try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
            peer = Peer.bucket4j(redisPort);
            baseline = Peer.baseline(redisPort, kafka, issuer, plans.getAddress().getPort());
            prime(base);
            app.getBean(ChargeScriptOnly.class).prepare();
            System.out.printf("warming up: %d s of /v1/check over %d keys, then 5 s of the hot key and 10 s each of "
                    + "/v1/ping, the bare EVALSHA and the floor; %d s of Bucket4j over %d keys and 5 s of its hot key%n",
                    warmup, KEYS, warmup, TREE_KEYS);
            wrk(script, base, new Phase("warm-up", "check", 64), threads, warmup);
            wrk(script, base, new Phase("warm-up", "hot", 64), threads, 5);
            wrk(script, base, new Phase("warm-up", "ping", 64), threads, 10);
            wrk(script, base, new Phase("warm-up", "bare", 64), threads, 10);
            wrk(script, base, new Phase("warm-up", "floor", 64), threads, 10);
            wrk(script, peer.base(), new Phase("warm-up", "check", 64, 0, TREE, Server.BUCKET4J), threads, warmup);
            wrk(script, peer.base(), new Phase("warm-up", "hot", 64, 0, ALL_KEYS, Server.BUCKET4J), threads, 5);
            wrk(script, baseline.base(), new Phase("warm-up", "check", 64, 0, TREE, Server.BASELINE), threads, warmup);
            List<Phase> phases = List.of(
                    new Phase("/v1/check, 10,000 keys", "check", 64),
                    new Phase("/v1/check, 10,000 keys", "check", 8),
                    new Phase("/v1/check, one hot key", "hot", 64),
                    new Phase("/v1/ping (ceiling)", "ping", 64),
                    new Phase("/v1/ping (ceiling)", "ping", 8),
                    new Phase("/v1/check, 10,000 keys, paced", "check", 8, pace),
                    new Phase("/v1/ping (ceiling), paced", "ping", 8, pace),
                    new Phase("reference: bare EVALSHA via Spring Data Redis", "bare", 64),
                    new Phase("reference: bare EVALSHA via Spring Data Redis", "bare", 8),
                    new Phase("floor: the charge script alone", "floor", 64),
                    new Phase("floor: the charge script alone", "floor", 8),
                    new Phase("floor: the charge script alone, paced", "floor", 8, pace),
                    new Phase("/v1/check, 50 keys of one tree", "check", 64, 0, TREE, Server.SERVICE),
                    new Phase("Bucket4j, the same 50 keys", "check", 64, 0, TREE, Server.BUCKET4J),
                    new Phase("Bucket4j, one hot key", "hot", 64, 0, ALL_KEYS, Server.BUCKET4J),
                    new Phase("/v1/check at " + Peer.BASELINE_COMMIT + " (before metering), the same 50 keys", "check", 64,
                            0, TREE, Server.BASELINE));
            // Every phase runs in BENCH_ROUNDS slices, the phases taking turns, so a drift of this shared
            // VM's speed during the run (±15 % between runs) hits each phase alike and the ratios compare
            // phases measured side by side.
            Map<Phase, Totals> totals = new LinkedHashMap<>();
            phases.forEach(phase -> totals.put(phase, new Totals()));
            int slice = Math.max(1, duration / rounds);
            for (int round = 1; round <= rounds; round++) {
                for (Phase phase : phases) {
                    Totals total = totals.get(phase);
                    double[] lookupsBefore = localLookups(app);
                    double fallbacksBefore = fallbacks(app);
                    double[] roundTripsBefore = redisRoundTrips(app);
                    Map<String, Long> before = commandCalls(redis);
                    Peer driven = phase.server() == Server.BASELINE ? baseline : peer;
                    Cpu cpuBefore = Cpu.now(redis, kafkaPid, driven.pid());
                    Map<String, Long> run = wrk(script, phase.peer() ? driven.base() : base, phase, threads, slice);
                    total.cpu = total.cpu.plus(
                            Cpu.now(redis, kafkaPid, driven.pid()).since(cpuBefore, run.get("cpu_us")));
                    Map<String, Long> after = commandCalls(redis);
                    double[] lookupsAfter = localLookups(app);
                    double[] roundTripsAfter = redisRoundTrips(app);
                    total.add(phase, run, before, after);
                    total.fallbacks += Math.round(fallbacks(app) - fallbacksBefore);
                    if (phase.charges()) {
                        total.roundTrips += roundTripsAfter[0] - roundTripsBefore[0];
                        total.roundTripMicros += roundTripsAfter[1] - roundTripsBefore[1];
                    }
                    total.hits += lookupsAfter[0] - lookupsBefore[0];
                    total.misses += lookupsAfter[1] - lookupsBefore[1];
                }
                System.out.printf("round %d of %d done%n", round, rounds);
            }
            totals.forEach((phase, total) -> {
                Result result = total.result(phase);
                results.add(result);
                System.out.println(row(result) + " Redis commands per request: " + result.commands()
                        + (phase.bucket4j()
                                ? String.format(Locale.ROOT, "; compare-and-swap retries per decision %.3f",
                                        result.casRetries())
                                : "; local key cache hit ratio " + result.localHitRatio())
                        + "; " + result.cpu()
                        + (phase.charges() ? String.format(Locale.ROOT,
                                "; mean charge-script round trip seen by the service %.0f µs",
                                result.redisRoundTripMicros()) : "")
                        + "; p99 per round (ms): " + total.p99s());
            });
            GRPC_LINES.addAll(GrpcVersusHttp.run(app, script, base, threads, rounds, Math.max(1, duration / rounds)));
            CLIENT_LINES.addAll(ClientOverhead.run(base, KEYS, rounds, Math.max(1, duration / rounds)));
        } finally {
            if (peer != null) {
                peer.stop();
            }
            if (baseline != null) {
                baseline.stop();
            }
            redisClient.shutdown();
            app.close();
            plans.stop(0);
        }
        report(results, warmup, duration, threads, pace, rounds);
        System.exit(0);
    }

    /** The plaintext of the benchmark's key number {@code i}: {@code mg_bench_000000} … */
    static String benchKey(int i) {
        return String.format(Locale.ROOT, "mg_bench_%06d", i);
    }

    static final List<String> GRPC_LINES = new ArrayList<>();
    static final List<String> CLIENT_LINES = new ArrayList<>();

    /**
     * 12. Envoy's {@code ShouldRateLimit} (gRPC over HTTP/2, driven by h2load from Debian's
     * nghttp2-client: wrk speaks no HTTP/2, and h2load's HTTP/1.1 mode counts none of Tomcat's answers
     * as succeeded) next to {@code POST /v1/check} (wrk, as in the phases above), the same key (the hot
     * key, {@code mg_bench_000000}), 64 connections with one request in flight on each, taking turns in
     * the rounds. The gRPC body is a prepared {@code RateLimitRequest} in gRPC's length-prefixed framing.
     * The decisions counted by the service (by protocol) are printed next to h2load's answers, so a
     * call that did not decide shows.
     */
    static final class GrpcVersusHttp {

        static List<String> run(
                ConfigurableApplicationContext app, Path script, String base, int threads, int rounds, int slice)
                throws Exception {
            int grpcPort = app.getBean(dev.metricgate.enforcement.adapter.in.grpc.GrpcServer.class).port();
            String key = benchKey(0);
            Path dir = Files.createDirectories(Path.of("enforcement-service/target/bench-h2load"));
            byte[] message = io.envoyproxy.envoy.service.ratelimit.v3.RateLimitRequest.newBuilder()
                    .setDomain("metricgate")
                    .addDescriptors(io.envoyproxy.envoy.extensions.common.ratelimit.v3.RateLimitDescriptor.newBuilder()
                            .addEntries(io.envoyproxy.envoy.extensions.common.ratelimit.v3.RateLimitDescriptor.Entry
                                    .newBuilder().setKey("api_key").setValue(key)))
                    .build()
                    .toByteArray();
            var framed = java.nio.ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message);
            Path grpcBody = Files.write(dir.resolve("should-rate-limit.bin"), framed.array());
            List<String> grpc = List.of("-c", "64", "-m", "1", "-t", "2", "-d", grpcBody.toString(),
                    "-H", "content-type: application/grpc", "-H", "te: trailers",
                    "http://127.0.0.1:" + grpcPort + "/envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit");
            System.out.println("warming up the gRPC path: 10 s of ShouldRateLimit");
            h2load(grpc, 10);
            long[] grpcTotals = new long[5];
            long[] httpTotals = new long[5];
            for (int round = 1; round <= rounds; round++) {
                add(grpcTotals, measured(app, "grpc", () -> h2load(grpc, slice)));
                add(httpTotals, measured(app, "http", () -> wrkHotKey(script, base, threads, slice)));
            }
            List<String> lines = new ArrayList<>();
            lines.add("");
            lines.add("ShouldRateLimit (gRPC, h2load) next to POST /v1/check (wrk), one hot key, 64 connections, "
                    + rounds + " interleaved rounds of " + slice + " s:");
            lines.add("");
            lines.add("| what | requests/s | latency ms (h2load: mean; wrk: p50) | answered / decided by the service | CPU µs per request (service) |");
            lines.add("|---|---|---|---|---|");
            lines.add(line("ShouldRateLimit, gRPC (h2load, h2)", grpcTotals));
            lines.add(line("POST /v1/check, HTTP/1.1 (wrk)", httpTotals));
            lines.add("");
            lines.add(String.format(Locale.ROOT, "- ShouldRateLimit / POST /v1/check: %.2f",
                    rate(grpcTotals) / rate(httpTotals)));
            lines.forEach(System.out::println);
            return lines;
        }

        /** A load generator's run: answered requests, duration µs, latency µs × answered. */
        interface Run {
            long[] run() throws Exception;
        }

        /** The run's figures, then the decisions the service counted for the protocol and its CPU µs. */
        private static long[] measured(ConfigurableApplicationContext app, String protocol, Run load)
                throws Exception {
            double decidedBefore = decisions(app, protocol);
            double cpuBefore = Cpu.serviceMicros();
            long[] run = load.run();
            long cpu = Math.round(Cpu.serviceMicros() - cpuBefore);
            return new long[] {run[0], run[1], run[2], Math.round(decisions(app, protocol) - decidedBefore), cpu};
        }

        private static long[] wrkHotKey(Path script, String base, int threads, int seconds) throws Exception {
            Map<String, Long> run = wrk(script, base, new Phase("gRPC comparison", "hot", 64), threads, seconds);
            long requests = run.get("requests");
            return new long[] {requests, run.get("duration_us"), run.get("p50_us") * requests};
        }

        private static void add(long[] totals, long[] run) {
            for (int i = 0; i < totals.length; i++) {
                totals[i] += run[i];
            }
        }

        private static String line(String name, long[] t) {
            return String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %,d / %,d | %.0f |", name, rate(t),
                    t[0] == 0 ? 0 : t[2] / (double) t[0] / 1000.0, t[0], t[3], t[0] == 0 ? 0 : t[4] / (double) t[0]);
        }

        private static double rate(long[] t) {
            return t[1] == 0 ? 0 : t[0] / (t[1] / 1e6);
        }

        private static double decisions(ConfigurableApplicationContext app, String protocol) {
            return app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .find("metricgate.decisions")
                    .tag("protocol", protocol)
                    .counters()
                    .stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count)
                    .sum();
        }


        /** @return succeeded requests, duration µs, mean latency µs × succeeded */
        static long[] h2load(List<String> args, int seconds) throws Exception {
            List<String> command = new ArrayList<>(List.of("h2load", "-D", Integer.toString(seconds)));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("h2load failed:\n" + output);
            }
            Matcher finished = Pattern.compile("finished in ([0-9.]+)(m?s)").matcher(output);
            Matcher succeeded = Pattern.compile("requests: \\d+ total, \\d+ started, \\d+ done, (\\d+) succeeded")
                    .matcher(output);
            Matcher time = Pattern.compile("time for request:\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)")
                    .matcher(output);
            if (!finished.find() || !succeeded.find() || !time.find() || Long.parseLong(succeeded.group(1)) == 0) {
                throw new IllegalStateException("unexpected h2load output:\n" + output);
            }
            double elapsed = Double.parseDouble(finished.group(1)) / (finished.group(2).equals("ms") ? 1000 : 1);
            long ok = Long.parseLong(succeeded.group(1));
            double mean = Double.parseDouble(time.group(1))
                    * switch (time.group(2)) {
                        case "us" -> 1;
                        case "ms" -> 1000;
                        default -> 1_000_000;
                    };
            return new long[] {ok, Math.round(elapsed * 1e6), Math.round(mean * ok)};
        }
    }

    /** A phase's rounds added up: counts and CPU summed, latency percentiles kept per round. */
    static final class Totals {
        long requests;
        long durationMicros;
        long socketErrors;
        long non2xx;
        final List<Long> p50 = new ArrayList<>();
        final List<Long> p99 = new ArrayList<>();
        final List<Long> p999 = new ArrayList<>();
        final Map<String, Long> commands = new LinkedHashMap<>();
        long sent;
        Cpu cpu = new Cpu(0, 0, 0, 0, 0, 0, 0);
        long fallbacks;
        double roundTrips;
        double roundTripMicros;
        double hits;
        double misses;

        void add(Phase phase, Map<String, Long> run, Map<String, Long> before, Map<String, Long> after) {
            requests += run.get("requests");
            durationMicros += run.get("duration_us");
            socketErrors += run.get("socket_errors");
            non2xx += run.get("non2xx");
            p50.add(run.get("p50_us"));
            p99.add(run.get("p99_us"));
            p999.add(run.get("p999_us"));
            sent += switch (phase.server()) {
                case BUCKET4J -> sentByBucket4j(before, after);
                case BASELINE -> sent(before, after, BASELINE_SCRIPT_CALLS);
                case SERVICE -> sent(before, after, SCRIPT_CALLS);
            };
            after.forEach((command, calls) -> commands.merge(command, calls - before.getOrDefault(command, 0L), Long::sum));
        }

        Result result(Phase phase) {
            StringBuilder perRequest = new StringBuilder();
            commands.forEach((command, calls) -> {
                if (calls > 0) {
                    perRequest.append(String.format(Locale.ROOT, " %s=%.3f", command, calls / (double) requests));
                }
            });
            return new Result(phase, requests, durationMicros / 1e6, socketErrors, non2xx, median(p50), median(p99),
                    median(p999), sent / (double) requests, perRequest.toString().trim(),
                    hits + misses == 0 ? 1 : hits / (hits + misses), fallbacks, cpu.per(requests),
                    roundTrips == 0 ? 0 : roundTripMicros / roundTrips,
                    phase.bucket4j() ? casRetries() / (double) requests : 0);
        }

        /** Bucket4j's swaps that failed and were tried again: EVALs that neither swapped nor created. */
        long casRetries() {
            return commands.getOrDefault("eval", 0L) - commands.getOrDefault("psetex", 0L)
                    - commands.getOrDefault("set", 0L);
        }

        String p99s() {
            return p99.stream().map(v -> String.format(Locale.ROOT, "%.2f", v / 1000.0)).toList().toString();
        }

        static long median(List<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /**
     * CPU time per request of each process on the machine (µs): the service JVM (this JVM; the
     * harness is idle while wrk runs), Redis ({@code INFO cpu}), the Kafka broker, wrk itself and the
     * Bucket4j peer. Where the CPU goes is what decides the ratio on a machine where all share two cores.
     */
    record Cpu(double service, double redis, double script, double redisReads, double kafka, double wrk,
            double peer) {

        /** CPU time this JVM (the service; the harness idles while a load generator runs) has used, µs. */
        static double serviceMicros() {
            return ((com.sun.management.OperatingSystemMXBean)
                                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1e3;
        }

        static Cpu now(StatefulRedisConnection<String, String> redis, long kafkaPid, long peerPid) {
            String info = redis.sync().info("cpu");
            double redisSeconds = field(info, "used_cpu_user") + field(info, "used_cpu_sys");
            double kafkaMicros = cpuMicros(kafkaPid);
            // the charge script runs as EVALSHA, Bucket4j's as EVAL
            Matcher script = Pattern.compile("cmdstat_eval(?:sha)?:calls=\\d+,usec=(\\d+)")
                    .matcher(redis.sync().info("commandstats"));
            double scriptMicros = 0;
            while (script.find()) {
                scriptMicros += Double.parseDouble(script.group(1));
            }
            double reads = field(redis.sync().info("stats"), "total_reads_processed");
            return new Cpu(serviceMicros(), redisSeconds * 1e6, scriptMicros, reads, kafkaMicros, 0,
                    cpuMicros(peerPid));
        }

        private static double cpuMicros(long pid) {
            return ProcessHandle.of(pid)
                    .flatMap(p -> p.info().totalCpuDuration())
                    .map(d -> d.toNanos() / 1e3)
                    .orElse(0.0);
        }

        /** What each process used since {@code before}; wrk's own time is measured apart. */
        Cpu since(Cpu before, long wrkMicros) {
            return new Cpu(service - before.service, redis - before.redis, script - before.script,
                    redisReads - before.redisReads, kafka - before.kafka, wrkMicros, peer - before.peer);
        }

        Cpu plus(Cpu other) {
            return new Cpu(service + other.service, redis + other.redis, script + other.script,
                    redisReads + other.redisReads, kafka + other.kafka, wrk + other.wrk, peer + other.peer);
        }

        Cpu per(long requests) {
            return new Cpu(service / requests, redis / requests, script / requests, redisReads / requests,
                    kafka / requests, wrk / requests, peer / requests);
        }

        double total() {
            return service + redis + kafka + wrk + peer;
        }

        private static double field(String info, String name) {
            Matcher m = Pattern.compile(name + ":([0-9.]+)").matcher(info);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CPU µs per request: service %.0f, Redis %.0f (script %.1f; %.2f socket reads), Kafka %.0f, wrk %.0f, child-process peer (Bucket4j app or baseline) %.0f, total %.0f",
                    service, redis, script, redisReads, kafka, wrk, peer, total());
        }
    }

    /** In-process key cache hits and misses so far: a warm cache has no misses. */
    static double[] localLookups(ConfigurableApplicationContext app) {
        var meters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        return new double[] {
            meters.counter("metricgate.key.cache.lookups", "level", "local", "result", "hit").count(),
            meters.counter("metricgate.key.cache.lookups", "level", "local", "result", "miss").count()
        };
    }

    /** Checks decided by the plan's failure mode because Redis did not answer in time. */
    static double fallbacks(ConfigurableApplicationContext app) {
        var meters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        return meters.find("metricgate.fallbacks").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    /** Count and total time (µs) of the service's own charge-script timer. */
    static double[] redisRoundTrips(ConfigurableApplicationContext app) {
        var timer = app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("metricgate.redis.latency")
                .timer();
        return timer == null
                ? new double[] {0, 0}
                : new double[] {timer.count(), timer.totalTime(java.util.concurrent.TimeUnit.MICROSECONDS)};
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Every key of every tree, as plans-service would resolve it. */
    static final java.util.concurrent.atomic.AtomicLong PLANS_LOOKUPS = new java.util.concurrent.atomic.AtomicLong();

    static HttpServer plansStandIn() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, byte[]> answers = new HashMap<>();
        int key = 0;
        // TREES trees of CUSTOMERS customers, then the comparison tree of TREE_CUSTOMERS customers
        for (int t = 0; t <= TREES; t++) {
            TenantLevel reseller = new TenantLevel(UUID.randomUUID(), 1, "ACTIVE", "Europe/Berlin", 15,
                    UUID.randomUUID(), RESELLER_LIMITS);
            for (int c = 0; c < (t < TREES ? CUSTOMERS : TREE_CUSTOMERS); c++) {
                TenantLevel customer = new TenantLevel(UUID.randomUUID(), 2, "ACTIVE", "UTC", 1, UUID.randomUUID(),
                        CUSTOMER_LIMITS);
                for (int k = 0; k < KEYS_PER_CUSTOMER; k++) {
                    String plaintext = benchKey(key++);
                    var resolution = new KeyResolution(UUID.randomUUID(), customer.tenantId(), "ACTIVE", null, null,
                            List.of(reseller, customer));
                    answers.put(ApiKeyHash.of(plaintext), json.writeValueAsBytes(resolution));
                }
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String prefix = "/internal/v1/key-resolutions/";
        server.createContext(prefix, exchange -> {
            try (exchange) {
                PLANS_LOOKUPS.incrementAndGet();
                byte[] body = answers.get(exchange.getRequestURI().getPath().substring(prefix.length()));
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        // usage-service's record of charged usage, asked once per tenant whose quota counter has no
        // seed marker (ADR 0019): the benchmark's Redis starts empty, so nothing was charged yet
        String charged = "/internal/v1/tenants/";
        server.createContext(charged, exchange -> {
            try (exchange) {
                String tenant = exchange.getRequestURI().getPath().substring(charged.length()).split("/")[0];
                byte[] body = json.writeValueAsBytes(new ChargedUsage(UUID.fromString(tenant), Instant.EPOCH,
                        Instant.EPOCH, 0));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    /**
     * A server measured beside the in-process service, as a child process with this JVM's options
     * (BENCH_SERVER_JVM_OPTS), on a free 127.0.0.1 port and the benchmark's Redis: the Bucket4j peer
     * (bench/bucket4j), and the baseline, enforcement-service built at {@link #BASELINE_COMMIT} (before
     * the charge script metered, ADR 0018), both built by bench/run.sh. Stopped by PID, at the end or
     * when this JVM exits.
     */
    record Peer(String name, Process process, String base, Path log) {

        static final String BASELINE_COMMIT = env("BENCH_BASELINE", "4206443");

        static Peer bucket4j(int redisPort) throws Exception {
            return start("the Bucket4j peer", Path.of("bench/bucket4j/target/bucket4j-peer.jar"), List.of(
                    "--peer.redis-uri=redis://127.0.0.1:" + redisPort,
                    "--peer.requests-per-second=" + CUSTOMER_LIMITS.requestsPerSecond(),
                    "--peer.burst=" + CUSTOMER_LIMITS.burst(),
                    "--peer.monthly-quota=" + CUSTOMER_LIMITS.monthlyQuota()), "mg_bench_probe");
        }

        /** The baseline on its own Redis database, so its counters are not the in-process service's. */
        static Peer baseline(int redisPort, String kafka, String issuer, int plansPort) throws Exception {
            String jar = System.getenv("BENCH_BASELINE_JAR");
            if (jar == null) {
                throw new IllegalStateException("run by bench/run.sh, which builds the baseline and sets BENCH_BASELINE_JAR");
            }
            return start("the baseline " + BASELINE_COMMIT, Path.of(jar), List.of(
                    "--spring.data.redis.port=" + redisPort,
                    "--spring.data.redis.database=1",
                    "--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                    "--spring.security.oauth2.client.provider.metricgate.token-uri=" + issuer + "/token",
                    "--metricgate.enforcement.plans-service-url=http://127.0.0.1:" + plansPort,
                    "--metricgate.enforcement.plan-changes-group=enforcement-baseline",
                    "--metricgate.enforcement.local-cache-ttl=30m"), benchKey(KEYS));
        }

        private static Peer start(String name, Path jar, List<String> args, String probeKey) throws Exception {
            String jvmOptions = System.getenv("BENCH_SERVER_JVM_OPTS");
            if (jvmOptions == null || !Files.isRegularFile(jar)) {
                throw new IllegalStateException("run by bench/run.sh, which builds " + jar
                        + " and sets BENCH_SERVER_JVM_OPTS");
            }
            int port = Net.freePort();
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN"));
            command.addAll(args);
            Path log = Path.of(jar.toString().replaceAll("\\.jar$", "") + "-bench.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "peer-stop"));
            Peer peer = new Peer(name, process, "http://127.0.0.1:" + port, log);
            peer.awaitAnswer(probeKey);
            return peer;
        }

        long pid() {
            return process.pid();
        }

        private void awaitAnswer(String probeKey) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest check = HttpRequest.newBuilder(URI.create(base + "/v1/check"))
                    .header("X-Api-Key", probeKey)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                }
                try {
                    var response = client.send(check, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    return;
                } catch (ConnectException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + " did not answer in 120 s, see " + log);
                    }
                    Thread.sleep(200);
                }
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** One check per key, the comparison tree's too, so every key is in the in-process cache before anything is measured. */
    static void prime(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        var permits = new java.util.concurrent.Semaphore(32);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < KEYS + TREE_KEYS; i++) {
                String key = benchKey(i);
                permits.acquire();
                callers.submit(() -> {
                    try {
                        int status = client.send(
                                        HttpRequest.newBuilder(URI.create(base + "/v1/check"))
                                                .header("X-Api-Key", key)
                                                .POST(HttpRequest.BodyPublishers.noBody())
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        System.out.printf("primed %d keys (%d failures), plans-service lookups %d%n", KEYS + TREE_KEYS, failures.get(),
                PLANS_LOOKUPS.get());
    }

    static void probe(String base) throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/v1/check"))
                        .header("X-Api-Key", "mg_bench_000000")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("probe check answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Calls per command except INFO itself, so before/after readings do not count themselves. */
    static Map<String, Long> commandCalls(StatefulRedisConnection<String, String> redis) {
        Map<String, Long> calls = new LinkedHashMap<>();
        Matcher m = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(redis.sync().info("commandstats"));
        while (m.find()) {
            if (!m.group(1).equals("info")) {
                calls.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return calls;
    }

    /**
     * Commands clients sent: Redis 6 counts the calls a script makes in commandstats too, so the
     * charge script's own calls are left out. SET is also used by the key cache (with GET, which is
     * counted), but only on a local cache miss, and the hit ratio printed with each phase shows there
     * is none.
     */
    static final java.util.Set<String> SCRIPT_CALLS =
            java.util.Set.of("time", "mget", "exists", "set", "incrby", "pexpire");

    /** The baseline's charge script read each counter with its own GET (before ADR 0024). */
    static final java.util.Set<String> BASELINE_SCRIPT_CALLS =
            java.util.Set.of("time", "get", "exists", "set", "incrby", "pexpire");

    static long sent(Map<String, Long> before, Map<String, Long> after, java.util.Set<String> scriptCalls) {
        long sent = 0;
        for (var entry : after.entrySet()) {
            if (!scriptCalls.contains(entry.getKey())) {
                sent += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            }
        }
        return sent;
    }

    /**
     * Commands Bucket4j's client sent: each decision is a GET of the bucket's state and an EVAL of a
     * compare-and-swap script that makes a GET and, when the state is unchanged, a PSETEX (for a new
     * bucket, an EVAL that makes one SET NX instead). A swap that fails is tried again from the GET.
     * So everything counts but the scripts' own calls: one per EVAL, plus the PSETEXes.
     */
    static long sentByBucket4j(Map<String, Long> before, Map<String, Long> after) {
        long all = 0;
        for (var entry : after.entrySet()) {
            all += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
        }
        return all - calls("eval", before, after) - calls("psetex", before, after);
    }

    static long calls(String command, Map<String, Long> before, Map<String, Long> after) {
        return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
    }

    static Map<String, Long> wrk(Path script, String base, Phase phase, int threads, int seconds) throws Exception {
        // bash's `times` reports the CPU time wrk used (its children's user and system time)
        var process = new ProcessBuilder("bash", "-c", "wrk \"$@\"; status=$?; times; exit $status", "wrk",
                        "-t" + threads, "-c" + phase.connections(), "-d" + seconds + "s",
                        "--timeout", "5s", "-s", script.toString(), base)
                .redirectErrorStream(true);
        process.environment().put("BENCH_MODE", phase.mode());
        process.environment().put("BENCH_FIRST_KEY", Integer.toString(phase.keys().first()));
        process.environment().put("BENCH_KEYS", Integer.toString(phase.keys().count()));
        process.environment().put("BENCH_PACE_MS", Integer.toString(phase.paceMillis()));
        Process wrk = process.start();
        Map<String, Long> values = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        List<String> times = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.matches("\\d+m[0-9.]+s \\d+m[0-9.]+s")) {
                    times.add(line);
                }
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).trim().split(" ")) {
                        String[] kv = pair.split("=");
                        values.put(kv[0], Long.parseLong(kv[1]));
                    }
                }
            }
        }
        if (wrk.waitFor() != 0 || values.isEmpty() || times.size() != 2) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        long cpu = 0;
        for (String part : times.get(1).split(" ")) {
            String[] minutesSeconds = part.substring(0, part.length() - 1).split("m");
            cpu += Math.round((Long.parseLong(minutesSeconds[0]) * 60 + Double.parseDouble(minutesSeconds[1])) * 1e6);
        }
        values.put("cpu_us", cpu);
        return values;
    }

    static String row(Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %s | %d |",
                r.phase().name(), r.phase().connections(), r.rps(), r.p50() / 1000.0, r.p99() / 1000.0,
                r.p999() / 1000.0, !r.phase().decides() ? "-" : String.format(Locale.ROOT, "%.3f",
                        r.commandsPerRequest()), r.socketErrors() + r.non2xx());
    }

    static void report(List<Result> results, int warmup, int duration, int threads, int pace, int rounds)
            throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nenforcement benchmark: %d keys in %d trees (and %d in one more tree for the "
                        + "comparison with Bucket4j), warm-up %d s, %d s per phase "
                        + "in %d interleaved rounds, wrk -t%d; paced phases: %d ms between a connection's answer and "
                        + "its next call; latency percentiles are the median of the rounds' percentiles%n%n",
                KEYS, TREES, TREE_KEYS, warmup, duration, rounds, threads, pace));
        out.append("| phase | connections | requests/s | p50 ms | p99 ms | p99.9 ms | Redis commands sent per decision | errors |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        results.forEach(r -> out.append(row(r)).append('\n'));
        out.append("\nINFO commandstats per request (script-internal calls included), local key cache hit ratio:\n");
        results.forEach(r -> out.append("- ")
                .append(r.phase().name())
                .append(", ")
                .append(r.phase().connections())
                .append(" connections: ")
                .append(r.commands().isEmpty() ? "none" : r.commands())
                .append(r.phase().bucket4j()
                        ? String.format(Locale.ROOT, "; compare-and-swap retries per decision %.3f", r.casRetries())
                        : String.format(Locale.ROOT, "; hit ratio %.4f; decided by the failure mode (Redis slower than "
                                + "its timeout): %d", r.localHitRatio(), r.fallbacks()))
                .append("; ")
                .append(r.cpu())
                .append(r.redisRoundTripMicros() == 0 ? "" : String.format(Locale.ROOT,
                        "; mean charge-script round trip seen by the service %.0f µs", r.redisRoundTripMicros()))
                .append('\n'));
        Result check64 = results.get(0);
        Result check8 = results.get(1);
        Result hot = results.get(2);
        Result ping64 = results.get(3);
        Result ping8 = results.get(4);
        out.append(String.format(Locale.ROOT, "%n/v1/check vs /v1/ping: %.0f%% at 64 connections, %.0f%% at 8 connections%n",
                100 * check64.rps() / ping64.rps(), 100 * check8.rps() / ping8.rps()));
        out.append(String.format(Locale.ROOT, "one hot key vs 10,000 keys: %.0f%%%n", 100 * hot.rps() / check64.rps()));
        Result paced = results.get(5);
        Result pacedPing = results.get(6);
        out.append(String.format(Locale.ROOT, "p99 at 8 connections: %.2f ms saturated (/v1/ping: %.2f ms); "
                        + "%.2f ms paced at %,.0f checks/s (%.0f%% of the saturated rate; /v1/ping paced: %.2f ms)%n",
                check8.p99() / 1000.0, ping8.p99() / 1000.0, paced.p99() / 1000.0, paced.rps(),
                100 * paced.rps() / check8.rps(), pacedPing.p99() / 1000.0));
        Result bare64 = results.get(7);
        Result bare8 = results.get(8);
        out.append(String.format(Locale.ROOT, "reference, a bare EVALSHA through Spring Data Redis vs /v1/ping: %.0f%% at 64 "
                        + "connections, %.0f%% at 8 connections; /v1/check vs the bare EVALSHA: %.0f%% and %.0f%%%n",
                100 * bare64.rps() / ping64.rps(), 100 * bare8.rps() / ping8.rps(), 100 * check64.rps() / bare64.rps(),
                100 * check8.rps() / bare8.rps()));
        Result floor64 = results.get(9);
        Result floor8 = results.get(10);
        Result pacedFloor = results.get(11);
        out.append(String.format(Locale.ROOT, "floor, the charge script alone through the production client vs /v1/ping: "
                        + "%.0f%% at 64 connections, %.0f%% at 8 connections; /v1/check vs the floor: %.0f%% and %.0f%%; "
                        + "p99 at 8 connections: %.2f ms saturated, %.2f ms paced (/v1/check: %.2f ms)%n",
                100 * floor64.rps() / ping64.rps(), 100 * floor8.rps() / ping8.rps(), 100 * check64.rps() / floor64.rps(),
                100 * check8.rps() / floor8.rps(), floor8.p99() / 1000.0, pacedFloor.p99() / 1000.0,
                paced.p99() / 1000.0));
        Result tree = results.get(12);
        Result bucket4jTree = results.get(13);
        Result bucket4jHot = results.get(14);
        out.append(String.format(Locale.ROOT, "%n/v1/check vs Bucket4j (Lettuce compare-and-swap, a bucket per key, same Redis), "
                        + "64 connections:%n"));
        out.append(String.format(Locale.ROOT, "- throughput, check / Bucket4j: %.2f on the 50 keys of one tree "
                        + "(%,.0f vs %,.0f requests/s), %.2f on one hot key (%,.0f vs %,.0f)%n",
                tree.rps() / bucket4jTree.rps(), tree.rps(), bucket4jTree.rps(), hot.rps() / bucket4jHot.rps(), hot.rps(),
                bucket4jHot.rps()));
        out.append(String.format(Locale.ROOT, "- p99: %.2f ms vs %.2f ms on the 50 keys, %.2f ms vs %.2f ms on the hot key%n",
                tree.p99() / 1000.0, bucket4jTree.p99() / 1000.0, hot.p99() / 1000.0, bucket4jHot.p99() / 1000.0));
        out.append(String.format(Locale.ROOT, "- Redis commands sent per decision: check %.3f and %.3f, Bucket4j %.3f and %.3f "
                        + "(compare-and-swap retries per decision %.3f and %.3f)%n",
                tree.commandsPerRequest(), hot.commandsPerRequest(), bucket4jTree.commandsPerRequest(),
                bucket4jHot.commandsPerRequest(), bucket4jTree.casRetries(), bucket4jHot.casRetries()));
        out.append(String.format(Locale.ROOT, "- CPU µs per request of the server: enforcement-service %.0f per check on the 50 keys, "
                        + "%.0f on the hot key, %.0f on 10,000 keys, %.0f per /v1/ping; the Bucket4j app %.0f per decision "
                        + "on the 50 keys, %.0f on the hot key; Redis %.0f and %.0f per check, %.0f and %.0f per Bucket4j decision%n",
                tree.cpu().service(), hot.cpu().service(), check64.cpu().service(), ping64.cpu().service(),
                bucket4jTree.cpu().peer(), bucket4jHot.cpu().peer(), tree.cpu().redis(), hot.cpu().redis(),
                bucket4jTree.cpu().redis(), bucket4jHot.cpu().redis()));
        Result before = results.get(15);
        out.append(String.format(Locale.ROOT, "%n/v1/check vs the same check before metering (enforcement-service at %s, "
                        + "as a child process with the same JVM options, same Redis and stand-ins), the 50 keys, 64 "
                        + "connections: %.2f (%,.0f vs %,.0f requests/s), p99 %.2f ms vs %.2f ms, Redis commands per "
                        + "decision %.3f vs %.3f, CPU µs per check %.0f vs %.0f%n",
                Peer.BASELINE_COMMIT, tree.rps() / before.rps(), tree.rps(), before.rps(), tree.p99() / 1000.0,
                before.p99() / 1000.0, tree.commandsPerRequest(), before.commandsPerRequest(), tree.cpu().service(),
                before.cpu().peer()));
        System.out.print(out);
        GRPC_LINES.forEach(line -> out.append(line).append('\n'));
        CLIENT_LINES.forEach(line -> out.append(line).append('\n'));
        Path file = Path.of("enforcement-service/target/bench-result.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println("written to " + file);
    }
}
