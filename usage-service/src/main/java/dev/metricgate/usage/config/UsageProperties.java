package dev.metricgate.usage.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retentionDays raw events older than this many days are dropped with their partitions;
 *     rollups are kept; older usage events are dead-lettered
 * @param partitionsAheadDays daily partitions created in advance
 * @param maxDaysAhead usage events further ahead of this service's clock are dead-lettered
 */
@ConfigurationProperties("metricgate.usage")
public record UsageProperties(
        @DefaultValue("90") int retentionDays,
        @DefaultValue("7") int partitionsAheadDays,
        @DefaultValue("62") int maxDaysAhead) {}
