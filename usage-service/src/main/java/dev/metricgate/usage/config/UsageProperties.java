package dev.metricgate.usage.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retentionDays raw events older than this many days are dropped with their partitions;
 *     rollups are kept
 * @param partitionsAheadDays daily partitions created in advance
 */
@ConfigurationProperties("metricgate.usage")
public record UsageProperties(
        @DefaultValue("90") int retentionDays,
        @DefaultValue("7") int partitionsAheadDays) {}
