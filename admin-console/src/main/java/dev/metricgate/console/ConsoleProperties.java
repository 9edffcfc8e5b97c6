package dev.metricgate.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code metricgate.console.*}: the services the console calls for the signed-in admin.
 *
 * @param plansServiceUrl plans-service's base URL (tenants, plans, keys, audit log)
 * @param usageServiceUrl usage-service's base URL (usage, summaries, CSV export)
 * @param apiTimeout how long a call to either may take
 */
@ConfigurationProperties("metricgate.console")
public record ConsoleProperties(
        @DefaultValue("http://127.0.0.1:8081") URI plansServiceUrl,
        @DefaultValue("http://127.0.0.1:8083") URI usageServiceUrl,
        @DefaultValue("10s") Duration apiTimeout) {}
