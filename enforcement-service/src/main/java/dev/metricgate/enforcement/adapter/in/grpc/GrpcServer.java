package dev.metricgate.enforcement.adapter.in.grpc;

import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitServiceGrpc;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gRPC port of enforcement-service: Envoy's rate limit service and the standard gRPC health
 * service, on grpc-java's Netty server. Each call runs on its own virtual thread, as HTTP checks do:
 * a check blocks on its charge script.
 */
public final class GrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

    private final InetSocketAddress address;
    private final Duration shutdownGrace;
    private final BindableService rateLimitService;
    private final ServerInterceptor observation;
    private HealthStatusManager health;
    private ExecutorService executor;
    private Server server;

    public GrpcServer(
            InetSocketAddress address,
            Duration shutdownGrace,
            BindableService rateLimitService,
            ServerInterceptor observation) {
        this.address = address;
        this.shutdownGrace = shutdownGrace;
        this.rateLimitService = rateLimitService;
        this.observation = observation;
    }

    @Override
    public synchronized void start() {
        // a new one per start: a stopped server's manager stays in its terminal state (NOT_SERVING),
        // and a Spring context may be stopped and started again (tests pause cached contexts)
        health = new HealthStatusManager();
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("grpc-", 0).factory());
        server = NettyServerBuilder.forAddress(address)
                .executor(executor)
                .addService(ServerInterceptors.intercept(rateLimitService, observation))
                .addService(health.getHealthService())
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("gRPC server could not bind " + address, e);
        }
        health.setStatus("", ServingStatus.SERVING);
        health.setStatus(RateLimitServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
        log.info("gRPC server (Envoy rate limit service, health) on {}:{}", address.getHostString(), port());
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The bound port (a free one when configured as 0). */
    public synchronized int port() {
        return server == null ? -1 : server.getPort();
    }
}
