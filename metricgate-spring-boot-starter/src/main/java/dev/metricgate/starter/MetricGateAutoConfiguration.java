package dev.metricgate.starter;

import dev.metricgate.client.CheckListener;
import dev.metricgate.client.MetricGateClient;
import dev.metricgate.client.micrometer.MicrometerCheckListener;
import dev.metricgate.starter.reactive.MetricGateWebFilter;
import dev.metricgate.starter.servlet.MetricGateHandlerInterceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Protects the application's calls with MetricGate once {@code metricgate.url} is set: a {@link
 * MetricGateClient}, the {@link MetricGateGuard} and, for the web stack the application runs on,
 * the Spring MVC interceptor or the WebFlux filter. With Micrometer on the classpath and a {@link
 * MeterRegistry} in the context, the client's decisions and latency and the fail-open count are
 * published.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "metricgate", name = "url")
@EnableConfigurationProperties(MetricGateProperties.class)
public class MetricGateAutoConfiguration {

    /** Counted when a call proceeds unchecked; tagged {@code cause} (timeout, unreachable, ...). */
    public static final String FAIL_OPEN = "metricgate.client.fail.open";

    private static final Log log = LogFactory.getLog(MetricGateAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    MetricGateClient metricGateClient(MetricGateProperties properties, ObjectProvider<CheckListener> listeners) {
        List<CheckListener> all = listeners.orderedStream().toList();
        return MetricGateClient.builder(properties.getUrl())
                .timeout(properties.getTimeout())
                .listener((request, result, elapsed) -> all.forEach(l -> l.checked(request, result, elapsed)))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    MetricGateGuard metricGateGuard(
            MetricGateClient client, MetricGateProperties properties, ObjectProvider<FailOpenListener> failOpens) {
        List<FailOpenListener> all = failOpens.orderedStream().toList();
        return new MetricGateGuard(client, properties, unavailable -> all.forEach(l -> l.failedOpen(unavailable)));
    }

    /** Warms the client up once the application has started and before it reports ready (see {@code metricgate.warm-up}). */
    @Bean
    @ConditionalOnProperty(prefix = "metricgate", name = "warm-up", matchIfMissing = true)
    ApplicationListener<ApplicationStartedEvent> metricGateWarmUp(
            MetricGateClient client, MetricGateProperties properties) {
        return started -> {
            if (!client.warmUp()) {
                log.warn("MetricGate: enforcement-service at " + properties.getUrl()
                        + " did not answer the warm-up check within " + properties.getTimeout()
                        + "; the first calls may be slow or "
                        + (properties.isFailOpen() ? "let through unchecked" : "answered 503"));
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        CheckListener metricGateMicrometerListener(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? CheckListener.NONE : new MicrometerCheckListener(meters);
        }

        @Bean
        FailOpenListener metricGateFailOpenCounter(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            if (meters == null) {
                return FailOpenListener.NONE;
            }
            return unavailable -> Counter.builder(FAIL_OPEN)
                    .description("Calls let through unchecked because enforcement-service did not answer")
                    .tag("cause", unavailable.cause().name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters)
                    .increment();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class WebMvc {

        @Bean
        WebMvcConfigurer metricGateWebMvcConfigurer(MetricGateGuard guard) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new MetricGateHandlerInterceptor(guard))
                            .order(Ordered.HIGHEST_PRECEDENCE + 100);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(DispatcherHandler.class)
    static class WebFlux {

        @Bean
        MetricGateWebFilter metricGateWebFilter(MetricGateGuard guard, ObjectProvider<DispatcherHandler> dispatcher) {
            return new MetricGateWebFilter(guard, dispatcher);
        }
    }
}
