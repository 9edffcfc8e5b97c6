-- ADR 0019: a decision counts for the tenants it was charged to — the key's tenant and its
-- ancestors when the decision was made — so a reseller's subtree usage after a move is what
-- enforcement charged to that reseller, and enforcement can rebuild a lost quota counter from it.

-- The chain each event was charged to, root first (null: an event stored before this migration).
alter table usage_events add column chain uuid[];

-- Subtree rollups: per tenant and bucket, every decision charged to the tenant's subtree.
create table usage_charged_rollup_minute (like usage_tenant_rollup_minute including all) with (fillfactor = 70);
create table usage_charged_rollup_hour (like usage_tenant_rollup_minute including all) with (fillfactor = 70);
create table usage_charged_rollup_day (like usage_tenant_rollup_minute including all) with (fillfactor = 70);

-- A tenant and its ancestors as usage-service knows them now, root first; the tenant alone when
-- unknown. What events without a chain count for.
create function tenant_chain(tenant uuid) returns uuid[] language sql stable as $$
    with recursive up (id, parent_id, depth) as (
        select id, parent_id, 0 from tenants where id = tenant
        union all
        select t.id, t.parent_id, up.depth + 1 from tenants t join up on t.id = up.parent_id where up.depth < 16
    )
    select coalesce((select array_agg(id order by depth desc) from up), array[tenant])
$$;

-- Usage stored before counts for the subtrees of today's hierarchy, as reports counted it until now.
insert into usage_charged_rollup_minute
select c.tenant_id, r.bucket, sum(allowed), sum(denied), sum(shadow_denied), sum(cost), sum(denied_cost)
from usage_tenant_rollup_minute r cross join lateral unnest(tenant_chain(r.tenant_id)) as c(tenant_id)
group by 1, 2;
insert into usage_charged_rollup_hour
select c.tenant_id, r.bucket, sum(allowed), sum(denied), sum(shadow_denied), sum(cost), sum(denied_cost)
from usage_tenant_rollup_hour r cross join lateral unnest(tenant_chain(r.tenant_id)) as c(tenant_id)
group by 1, 2;
insert into usage_charged_rollup_day
select c.tenant_id, r.bucket, sum(allowed), sum(denied), sum(shadow_denied), sum(cost), sum(denied_cost)
from usage_tenant_rollup_day r cross join lateral unnest(tenant_chain(r.tenant_id)) as c(tenant_id)
group by 1, 2;
