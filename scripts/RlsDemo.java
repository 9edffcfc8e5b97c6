import io.envoyproxy.envoy.extensions.common.ratelimit.v3.RateLimitDescriptor;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitRequest;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitServiceGrpc;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * make rls-demo: asks enforcement-service's gRPC port what Envoy's rate limit filter asks
 * (envoy.service.ratelimit.v3.RateLimitService/ShouldRateLimit, domain "metricgate", descriptor
 * entry api_key), a few times in a row, and prints each answer: OK until the key's burst is spent,
 * then OVER_LIMIT with Retry-After and the problem body Envoy would give its client.
 *
 * <p>Arguments: the API key, then optionally the target (default 127.0.0.1:8092), the number of
 * calls (default 7) and a route.
 */
public class RlsDemo {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].isBlank()) {
            System.err.println("usage: make rls-demo KEY=<api key> [RLS=127.0.0.1:8092] [CALLS=7] [ROUTE='GET /orders']");
            System.exit(2);
        }
        String key = args[0];
        String target = args.length > 1 && !args[1].isBlank() ? args[1] : "127.0.0.1:8092";
        int calls = args.length > 2 && !args[2].isBlank() ? Integer.parseInt(args[2]) : 7;
        String route = args.length > 3 && !args[3].isBlank() ? args[3] : null;
        var channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            var stub = RateLimitServiceGrpc.newBlockingStub(channel);
            RateLimitDescriptor.Builder descriptor = RateLimitDescriptor.newBuilder()
                    .addEntries(RateLimitDescriptor.Entry.newBuilder().setKey("api_key").setValue(key));
            if (route != null) {
                descriptor.addEntries(RateLimitDescriptor.Entry.newBuilder().setKey("route").setValue(route));
            }
            RateLimitRequest request = RateLimitRequest.newBuilder()
                    .setDomain("metricgate")
                    .addDescriptors(descriptor)
                    .build();
            System.out.printf("ShouldRateLimit on %s, domain metricgate, api_key %s…%n", target,
                    key.substring(0, Math.min(8, key.length())));
            for (int i = 1; i <= calls; i++) {
                try {
                    RateLimitResponse answer = stub.withDeadlineAfter(5, TimeUnit.SECONDS).shouldRateLimit(request);
                    String headers = answer.getResponseHeadersToAddList().stream()
                            .filter(h -> !h.getKey().equalsIgnoreCase("content-type"))
                            .map(h -> h.getKey() + ": " + h.getValue())
                            .collect(Collectors.joining("; "));
                    var status = answer.getStatusesCount() > 0 ? answer.getStatuses(0) : null;
                    String limit = status != null && status.hasCurrentLimit()
                            ? String.format("%s %d per %s, %d left, reset in %d s",
                                    status.getCurrentLimit().getName(),
                                    status.getCurrentLimit().getRequestsPerUnit(),
                                    status.getCurrentLimit().getUnit().name().toLowerCase(),
                                    status.getLimitRemaining(),
                                    status.getDurationUntilReset().getSeconds())
                            : "-";
                    System.out.printf("%d: %-10s %s  [%s]%n", i, answer.getOverallCode(), limit, headers);
                    if (!answer.getRawBody().isEmpty()) {
                        System.out.println("   body: " + answer.getRawBody().toString(StandardCharsets.UTF_8));
                    }
                } catch (StatusRuntimeException e) {
                    System.out.printf("%d: %s%n", i, e.getStatus());
                }
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
