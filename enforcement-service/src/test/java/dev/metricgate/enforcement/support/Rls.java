package dev.metricgate.enforcement.support;

import dev.metricgate.enforcement.adapter.in.grpc.GrpcServer;
import io.envoyproxy.envoy.extensions.common.ratelimit.v3.RateLimitDescriptor;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitRequest;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * A client of enforcement-service's gRPC port on the generated Envoy stubs: the bytes Envoy's rate
 * limit filter sends.
 */
public final class Rls implements AutoCloseable {

    private final ManagedChannel channel;
    private final RateLimitServiceGrpc.RateLimitServiceBlockingStub stub;

    public Rls(int port) {
        this.channel =
                NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        this.stub = RateLimitServiceGrpc.newBlockingStub(channel);
    }

    public static Rls to(ApplicationContext context) {
        return new Rls(context.getBean(GrpcServer.class).port());
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** As Envoy sends it for a {@code request_headers} action on X-Api-Key (and one for the route). */
    public RateLimitResponse check(String apiKey, String route, int hitsAddend) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).shouldRateLimit(request(apiKey, route, hitsAddend));
    }

    public RateLimitResponse check(String apiKey) {
        return check(apiKey, null, 0);
    }

    public RateLimitResponse check(RateLimitRequest request) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).shouldRateLimit(request);
    }

    public static RateLimitRequest request(String apiKey, String route, int hitsAddend) {
        RateLimitDescriptor.Builder descriptor = RateLimitDescriptor.newBuilder();
        if (apiKey != null) {
            descriptor.addEntries(entry("api_key", apiKey));
        }
        if (route != null) {
            descriptor.addEntries(entry("route", route));
        }
        return RateLimitRequest.newBuilder()
                .setDomain("metricgate")
                .addDescriptors(descriptor)
                .setHitsAddend(hitsAddend)
                .build();
    }

    public static RateLimitDescriptor.Entry entry(String key, String value) {
        return RateLimitDescriptor.Entry.newBuilder()
                .setKey(key)
                .setValue(value)
                .build();
    }

    /** The value of a header Envoy adds to the client's answer, {@code null} when absent. */
    public static String header(RateLimitResponse response, String name) {
        return response.getResponseHeadersToAddList().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue())
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
