import dev.metricgate.testsupport.SharedServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The measurement behind ADR 0014: how a virtual thread best waits for one EVALSHA. Compares a
 * Lettuce connection (the command goes to a Netty event loop and the reply comes back through it)
 * with a blocking socket the virtual thread writes and reads itself, on a real Redis (the dev-stack
 * server), for a one-command script:
 * <ul>
 *   <li>one caller with 2 ms between calls (a quiet service): round-trip p50/p90/p99;
 *   <li>8 and 64 callers without pause (a busy one): calls per second and CPU per call of this JVM
 *       and of Redis.
 * </ul>
 * Run after bench/run.sh has written the classpath:
 * {@code java -cp "enforcement-service/target/classes:$(cat enforcement-service/target/bench-classpath.txt)" bench/enforcement/RedisRoundTrip.java}
 */
public class RedisRoundTrip {

    static final String SCRIPT = "return redis.call('INCR', KEYS[1])";

    interface Caller extends AutoCloseable {
        void call() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int port = SharedServers.redis().port();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> lettuce = client.connect()) {
            String sha = lettuce.sync().scriptLoad(SCRIPT);
            byte[] command = ("*4\r\n$7\r\nEVALSHA\r\n$40\r\n" + sha + "\r\n$1\r\n1\r\n$2\r\nrt\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int repeat = 0; repeat < 2; repeat++) {
                for (String mode : List.of("lettuce", "blocking socket")) {
                    paced(mode, () -> caller(mode, lettuce, sha, port, command));
                }
            }
            for (int callers : new int[] {8, 64}) {
                for (int repeat = 0; repeat < 2; repeat++) {
                    for (String mode : List.of("lettuce", "blocking socket")) {
                        saturated(mode, callers, lettuce, () -> caller(mode, lettuce, sha, port, command));
                    }
                }
            }
        } finally {
            client.shutdown();
        }
        System.exit(0);
    }

    interface CallerFactory {
        Caller open() throws Exception;
    }

    static Caller caller(String mode, StatefulRedisConnection<String, String> lettuce, String sha, int port,
            byte[] command) throws Exception {
        if (mode.equals("lettuce")) {
            return new Caller() {
                public void call() {
                    lettuce.sync().evalsha(sha, ScriptOutputType.INTEGER, new String[] {"rt"});
                }

                public void close() {}
            };
        }
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        return new Caller() {
            public void call() throws Exception {
                out.write(command);
                out.flush();
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        throw new EOFException();
                    }
                }
            }

            public void close() throws Exception {
                socket.close();
            }
        };
    }

    static void paced(String mode, CallerFactory factory) throws Exception {
        int n = 2000;
        long[] micros = new long[n];
        Thread thread = Thread.ofVirtual().start(() -> {
            try (Caller caller = factory.open()) {
                for (int i = 0; i < n; i++) {
                    long start = System.nanoTime();
                    caller.call();
                    micros[i] = (System.nanoTime() - start) / 1000;
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.join();
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "1 caller, 2 ms apart, %-15s round trip p50 %4d µs, p90 %4d µs, p99 %5d µs%n",
                mode, micros[n / 2], micros[n * 9 / 10], micros[n * 99 / 100]);
    }

    static void saturated(String mode, int callers, StatefulRedisConnection<String, String> redis,
            CallerFactory factory) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder calls = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (Caller caller = factory.open()) {
                    while (!stop.get()) {
                        caller.call();
                        calls.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Thread.sleep(3000);
        long calls0 = calls.sum(), cpu0 = os.getProcessCpuTime();
        double redis0 = redisCpuMicros(redis);
        Thread.sleep(8000);
        double n = calls.sum() - calls0;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e3 / n;
        double redisCpu = (redisCpuMicros(redis) - redis0) / n;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf(Locale.ROOT, "%2d callers, no pause, %-15s %,8.0f calls/s, client CPU %5.1f µs/call, Redis CPU %4.1f µs/call%n",
                callers, mode, n / 8, cpu, redisCpu);
    }

    static double redisCpuMicros(StatefulRedisConnection<String, String> redis) {
        double seconds = 0;
        for (String line : redis.sync().info("cpu").split("\r\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1));
            }
        }
        return seconds * 1e6;
    }
}
