package dev.metricgate.plans.adapter.out.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize rows published per relay transaction
 * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
 * @param retention how long published rows are kept (for inspection and replays) before cleanup
 */
@ConfigurationProperties("metricgate.outbox")
record OutboxProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {}
