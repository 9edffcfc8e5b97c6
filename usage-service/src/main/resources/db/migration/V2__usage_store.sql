-- Local copy of the tenant hierarchy, kept from plan-change events (plans-service owns the truth).
create table tenants (
    id                 uuid        primary key,
    name               text,
    kind               text,
    parent_id          uuid,
    level              int         not null,
    status             text        not null,
    time_zone          text        not null,
    billing_anchor_day int         not null,
    monthly_quota      bigint,
    as_of              timestamptz not null
);
create index tenants_parent_idx on tenants (parent_id);

-- Raw decisions, one row per usage event, in daily UTC range partitions created ahead of time by
-- the partition job (and on demand by ingest for late or early events). A unique key on a
-- partitioned table must contain the partition key: a redelivered event carries the same id and
-- the same occurred_at, so (event_id, occurred_at) identifies it.
create table usage_events (
    event_id    uuid        not null,
    occurred_at timestamptz not null,
    tenant_id   uuid        not null,
    api_key_id  uuid,
    route       text        not null,
    cost        int         not null,
    outcome     text        not null check (outcome in ('ALLOWED', 'DENIED', 'SHADOW_DENIED')),
    primary key (event_id, occurred_at)
) partition by range (occurred_at);

-- Rollups per UTC minute, hour and day x tenant x key x route. api_key_id uses the nil UUID for
-- "no key" so it can be part of the key. cost = units of served decisions (allowed and
-- shadow-denied), denied_cost = units requested by denied ones.
create table usage_rollup_minute (
    tenant_id     uuid        not null,
    bucket        timestamptz not null,
    api_key_id    uuid        not null,
    route         text        not null,
    allowed       bigint      not null,
    denied        bigint      not null,
    shadow_denied bigint      not null,
    cost          bigint      not null,
    denied_cost   bigint      not null,
    primary key (tenant_id, bucket, api_key_id, route)
);
create table usage_rollup_hour (like usage_rollup_minute including all);
create table usage_rollup_day (like usage_rollup_minute including all);

-- Quota alerts: at most one per tenant, billing period and threshold; published_at null = pending.
create table quota_alerts (
    id           uuid        primary key,
    tenant_id    uuid        not null,
    threshold    int         not null,
    period_start timestamptz not null,
    period_end   timestamptz not null,
    quota        bigint      not null,
    used         bigint      not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    unique (tenant_id, period_start, threshold)
);
create index quota_alerts_pending_idx on quota_alerts (occurred_at) where published_at is null;
