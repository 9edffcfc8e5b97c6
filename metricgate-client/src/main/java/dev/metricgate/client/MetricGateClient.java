package dev.metricgate.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client of enforcement-service's {@code POST /v1/check}. Thread-safe; build one per base URL
 * and share it: calls reuse the JDK {@link HttpClient}'s pooled HTTP/1.1 connections.
 *
 * <pre>{@code
 * var metricGate = MetricGateClient.builder(URI.create("http://127.0.0.1:8082")).build();
 * switch (metricGate.check(new CheckRequest(apiKey, "GET /orders/{id}", 1))) {
 *     case CheckResult.Allowed allowed -> ...
 *     case CheckResult.Denied denied -> ... // 429, denied.retryAfter()
 *     case CheckResult.InvalidKey invalid -> ... // 401
 *     case CheckResult.Unavailable unavailable -> ... // fail open or closed
 * }
 * }</pre>
 *
 * Every call is bounded by the timeout (connection and answer); when it passes, the result is
 * {@link CheckResult.Unavailable} with cause {@code TIMEOUT}. No call throws for the service's
 * state: only a request the service refuses as malformed (400) is an {@link
 * IllegalArgumentException}.
 */
public final class MetricGateClient implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);
    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String USER_AGENT = "metricgate-client/0.1";

    private final HttpClient http;
    private final boolean ownsHttp;
    private final URI checkUri;
    private final Duration timeout;
    private final CheckListener listener;
    private final ObjectWriter bodies;
    private final Answers answers;

    private MetricGateClient(Builder builder) {
        this.ownsHttp = builder.http == null;
        this.http = ownsHttp
                ? HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(builder.timeout)
                        .build()
                : builder.http;
        String base = builder.baseUrl.toString();
        this.checkUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/check");
        this.timeout = builder.timeout;
        this.listener = builder.listener;
        JsonMapper json = JsonMapper.builder().build();
        this.bodies = json.writerFor(Body.class);
        this.answers = new Answers(json);
    }

    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** Checks the call and waits for the answer (at most the timeout). */
    public CheckResult check(CheckRequest request) {
        long started = System.nanoTime();
        CheckResult result;
        if (!request.hasKey()) {
            result = missingKey();
        } else {
            try {
                HttpResponse<byte[]> response =
                        http.send(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
                result = answers.read(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                result = answers.failed(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new CheckResult.Unavailable(
                        CheckResult.Unavailable.Cause.UNREACHABLE, Optional.empty(), "interrupted while waiting", e);
            }
        }
        return told(request, result, started);
    }

    /** Checks the call without blocking; the future completes with the answer (never exceptionally for the service's state). */
    public CompletableFuture<CheckResult> checkAsync(CheckRequest request) {
        long started = System.nanoTime();
        if (!request.hasKey()) {
            return CompletableFuture.completedFuture(told(request, missingKey(), started));
        }
        return http.sendAsync(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> error == null
                        ? answers.read(response.statusCode(), response.headers(), response.body())
                        : answers.failed(error))
                .thenApply(result -> told(request, result, started));
    }

    /**
     * Opens a pooled connection and loads the request and answer code before the first real call,
     * so that call is not the one that pays for it (on a cold JVM it can take longer than the
     * timeout). It asks the service about a call without a key, which it answers 401 without
     * charging anything; the answer is not reported to the listener. Returns whether the service
     * answered within the timeout.
     */
    public boolean warmUp() {
        HttpRequest probe = HttpRequest.newBuilder(checkUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.writeValueAsBytes(new Body("GET /", 1))))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(probe, HttpResponse.BodyHandlers.ofByteArray());
            return answers.read(response.statusCode(), response.headers(), response.body())
                    instanceof CheckResult.InvalidKey;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Duration timeout() {
        return timeout;
    }

    private HttpRequest httpRequest(CheckRequest request) {
        return HttpRequest.newBuilder(checkUri)
                .timeout(timeout)
                .header(API_KEY_HEADER, request.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        bodies.writeValueAsBytes(new Body(request.route(), request.cost()))))
                .build();
    }

    /** The service's answer to a request without a key, without asking it. */
    private static CheckResult missingKey() {
        return new CheckResult.InvalidKey(Problem.of(
                401,
                Problem.INVALID_API_KEY,
                "Invalid API key",
                "The X-Api-Key header is missing or does not name a usable key."));
    }

    private CheckResult told(CheckRequest request, CheckResult result, long started) {
        listener.checked(request, result, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    /** Closes the HTTP client the builder made (JDK 21 and later); one given to the builder is left alone. */
    @Override
    public void close() throws Exception {
        if (ownsHttp && http instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    record Body(String route, int cost) {}

    public static final class Builder {

        private final URI baseUrl;
        private Duration timeout = DEFAULT_TIMEOUT;
        private CheckListener listener = CheckListener.NONE;
        private HttpClient http;

        private Builder(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** Bounds connecting and the answer; default 250 ms. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder listener(CheckListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Your own HttpClient (TLS settings, proxy, executor); its connect timeout is yours to set. */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        public MetricGateClient build() {
            return new MetricGateClient(this);
        }
    }
}
