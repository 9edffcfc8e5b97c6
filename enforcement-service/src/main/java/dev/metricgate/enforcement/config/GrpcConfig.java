package dev.metricgate.enforcement.config;

import dev.metricgate.enforcement.adapter.in.grpc.GrpcServer;
import dev.metricgate.enforcement.adapter.in.grpc.RateLimitGrpcService;
import dev.metricgate.enforcement.application.CheckAccess;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcServerInterceptor;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetSocketAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Envoy's rate limit service protocol on its own gRPC port (ADR 0021). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${metricgate.enforcement.grpc.port:8092} >= 0")
class GrpcConfig {

    @Bean
    GrpcServer grpcServer(
            EnforcementProperties properties,
            CheckAccess checkAccess,
            JsonMapper json,
            ObservationRegistry observations) {
        EnforcementProperties.Grpc grpc = properties.grpc();
        return new GrpcServer(
                new InetSocketAddress(grpc.address(), grpc.port()),
                grpc.shutdownGrace(),
                new RateLimitGrpcService(checkAccess, json),
                // metrics (grpc.server) and the caller's trace context, as for HTTP checks
                new ObservationGrpcServerInterceptor(observations));
    }
}
