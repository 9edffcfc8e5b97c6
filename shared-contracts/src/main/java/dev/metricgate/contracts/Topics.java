package dev.metricgate.contracts;

/** Kafka topic names shared by producers and consumers. */
public final class Topics {

    /** Plan, tenant and API key changes from plans-service; keyed by tenant id (plan id for plan-only events). */
    public static final String PLAN_CHANGES = "metricgate.plan-changes.v1";

    /** One event per enforcement decision; keyed by tenant id. */
    public static final String USAGE_EVENTS = "metricgate.usage-events.v1";

    /** Quota thresholds crossed, from usage-service; keyed by tenant id. */
    public static final String QUOTA_ALERTS = "metricgate.quota-alerts.v1";

    /** Suffix of the dead-letter topic a consumer sends poison messages to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Kafka header carrying the event id, so consumers can deduplicate without parsing the body. */
    public static final String EVENT_ID_HEADER = "mg-event-id";

    private Topics() {}
}
