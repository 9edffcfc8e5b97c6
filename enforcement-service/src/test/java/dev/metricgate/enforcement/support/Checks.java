package dev.metricgate.enforcement.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/** {@code POST /v1/check} from outside the service, as an API's server calls it. */
public final class Checks {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private Checks() {}

    /** The whole answer; {@code body} may be null (no body). */
    public static HttpResponse<String> post(int port, String apiKey, String body) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/check"))
                    .header("X-Api-Key", apiKey)
                    .header("Content-Type", "application/json")
                    .POST(
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static int status(int port, String apiKey, String body) {
        return post(port, apiKey, body).statusCode();
    }

    /** How many decisions the service counted with these tags, over the shared path. */
    public static double decisions(
            io.micrometer.core.instrument.MeterRegistry meters, String outcome, String policy, String protocol) {
        return meters.counter(
                        "metricgate.decisions",
                        "outcome",
                        outcome,
                        "policy",
                        policy,
                        "path",
                        "shared",
                        "protocol",
                        protocol)
                .count();
    }
}
