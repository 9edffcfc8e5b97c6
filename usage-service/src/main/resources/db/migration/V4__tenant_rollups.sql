-- Rollups per tenant only (no key, no route), maintained with the detailed ones. Subtree totals,
-- summaries and time series that are not split by key or route read these: one row per tenant
-- and bucket instead of one per tenant, key, route and bucket.
create table usage_tenant_rollup_minute (
    tenant_id     uuid        not null,
    bucket        timestamptz not null,
    allowed       bigint      not null,
    denied        bigint      not null,
    shadow_denied bigint      not null,
    cost          bigint      not null,
    denied_cost   bigint      not null,
    primary key (tenant_id, bucket)
) with (fillfactor = 70);
create table usage_tenant_rollup_hour (like usage_tenant_rollup_minute including all) with (fillfactor = 70);
create table usage_tenant_rollup_day (like usage_tenant_rollup_minute including all) with (fillfactor = 70);

insert into usage_tenant_rollup_minute
select tenant_id, bucket, sum(allowed), sum(denied), sum(shadow_denied), sum(cost), sum(denied_cost)
from usage_rollup_minute group by 1, 2;
insert into usage_tenant_rollup_hour
select tenant_id, bucket, sum(allowed), sum(denied), sum(shadow_denied), sum(cost), sum(denied_cost)
from usage_rollup_hour group by 1, 2;
insert into usage_tenant_rollup_day
select tenant_id, bucket, sum(allowed), sum(denied), sum(shadow_denied), sum(cost), sum(denied_cost)
from usage_rollup_day group by 1, 2;
