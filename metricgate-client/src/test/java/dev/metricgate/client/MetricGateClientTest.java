package dev.metricgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client's answers when enforcement-service gives none; its answers to the service's real
 * responses are tested against the running service (metricgate-spring-boot-starter's
 * SpringBootStarterIT and bench/enforcement).
 */
class MetricGateClientTest {

    @Test
    void aServerThatAcceptsButNeverAnswers_isUnavailableByTimeout_syncAndAsync() throws Exception {
        List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<CheckResult> told = new ArrayList<>();
            var client = MetricGateClient.builder(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                    .timeout(Duration.ofMillis(100))
                    .listener((request, result, elapsed) -> told.add(result))
                    .build();

            CheckResult sync = client.check(new CheckRequest("mg_key", "GET /orders/{id}", 1));
            CheckResult async = client.checkAsync(CheckRequest.of("mg_key")).get(5, TimeUnit.SECONDS);

            assertThat(List.of(sync, async)).allSatisfy(result -> {
                assertThat(result).isInstanceOf(CheckResult.Unavailable.class);
                assertThat(((CheckResult.Unavailable) result).cause()).isEqualTo(CheckResult.Unavailable.Cause.TIMEOUT);
                assertThat(result.headers().isEmpty()).isTrue();
            });
            assertThat(told).hasSize(2);
            long warmUpStarted = System.nanoTime();
            assertThat(client.warmUp()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - warmUpStarted)).isLessThan(Duration.ofSeconds(5));
            assertThat(told).as("a warm-up is not a decision").hasSize(2);
            acceptor.interrupt();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void nothingListening_isUnavailableAsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var client = MetricGateClient.builder(URI.create("http://127.0.0.1:" + closedPort))
                .build();

        CheckResult result = client.check(CheckRequest.of("mg_key"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        CheckResult.Unavailable.class,
                        unavailable ->
                                assertThat(unavailable.cause()).isEqualTo(CheckResult.Unavailable.Cause.UNREACHABLE));
        assertThat(result.outcome().tag()).isEqualTo("unavailable");
        assertThat(client.warmUp()).isFalse();
    }

    @Test
    void aMissingKeyIsInvalidWithoutAsking() {
        // nothing listens here: asking would be unavailable, not invalid
        var client = MetricGateClient.builder(URI.create("http://127.0.0.1:9")).build();

        CheckResult result = client.check(CheckRequest.of(" "));

        assertThat(result)
                .isInstanceOfSatisfying(
                        CheckResult.InvalidKey.class,
                        invalid -> assertThat(invalid.problem().code()).isEqualTo(Problem.INVALID_API_KEY));
    }

    @Test
    void aRouteOrCostTheServiceWouldRefuse_failsInTheCaller_andTheKeyIsNeverPrinted() {
        assertThatThrownBy(() -> new CheckRequest("k", "x".repeat(257), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route must be 1 to 256");
        assertThatThrownBy(() -> new CheckRequest("k", "*", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cost must be 1 to 1000");
        assertThatThrownBy(() -> new CheckRequest("k", "*", 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CheckRequest("mg_secret_key", "GET /orders", 2).toString())
                .doesNotContain("mg_secret_key")
                .contains("GET /orders");
    }
}
