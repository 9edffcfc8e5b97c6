package dev.metricgate.starter;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code metricgate.*}: where enforcement-service is and which calls it checks. */
@ConfigurationProperties("metricgate")
public class MetricGateProperties {

    /** enforcement-service's base URL, e.g. {@code http://127.0.0.1:8082}; the starter is off without it. */
    private URI url;

    /** The request header that carries the consumer's API key. */
    private String apiKeyHeader = "X-Api-Key";

    /** Path patterns (Spring's {@code PathPattern} syntax) of the calls that are checked. */
    private List<String> include = List.of("/**");

    /** Path patterns of the calls that are never checked, even when included. */
    private List<String> exclude = List.of("/actuator/**");

    /** Let calls through when enforcement-service does not answer in time or cannot be reached (503 otherwise). */
    private boolean failOpen = true;

    /** How long a call waits for enforcement-service, connecting included. */
    private Duration timeout = Duration.ofMillis(250);

    /**
     * At startup, before the application reports ready, ask enforcement-service once about a call
     * without a key (answered 401, charges nothing) so the first real call does not pay for a cold
     * client and connection.
     */
    private boolean warmUp = true;

    public URI getUrl() {
        return url;
    }

    public void setUrl(URI url) {
        this.url = url;
    }

    public String getApiKeyHeader() {
        return apiKeyHeader;
    }

    public void setApiKeyHeader(String apiKeyHeader) {
        this.apiKeyHeader = apiKeyHeader;
    }

    public List<String> getInclude() {
        return include;
    }

    public void setInclude(List<String> include) {
        this.include = include;
    }

    public List<String> getExclude() {
        return exclude;
    }

    public void setExclude(List<String> exclude) {
        this.exclude = exclude;
    }

    public boolean isFailOpen() {
        return failOpen;
    }

    public void setFailOpen(boolean failOpen) {
        this.failOpen = failOpen;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public boolean isWarmUp() {
        return warmUp;
    }

    public void setWarmUp(boolean warmUp) {
        this.warmUp = warmUp;
    }
}
