-- Plans form a tree (parent_plan_id); a null limit column inherits the parent plan's value.
create table plans (
    id                  uuid primary key,
    name                varchar(200) not null,
    parent_plan_id      uuid references plans (id),
    owner_tenant_id     uuid,
    requests_per_second integer check (requests_per_second > 0),
    burst               integer check (burst > 0),
    monthly_quota       bigint check (monthly_quota >= 0),
    route_limits_set    boolean not null default false,
    failure_mode        varchar(16),
    shadow              boolean,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check ((requests_per_second is null) = (burst is null))
);

create table plan_route_limits (
    plan_id             uuid not null references plans (id) on delete cascade,
    route               varchar(256) not null,
    requests_per_second integer not null check (requests_per_second > 0),
    burst               integer not null check (burst > 0),
    primary key (plan_id, route)
);

-- The reseller hierarchy; depth, cycles and leaf rules are checked by the application under a
-- transaction-scoped advisory lock, so every committed state is a tree.
create table tenants (
    id                 uuid primary key,
    name               varchar(200) not null,
    kind               varchar(16)  not null check (kind in ('RESELLER', 'CUSTOMER')),
    parent_id          uuid references tenants (id),
    status             varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED', 'DELETED')),
    plan_id            uuid references plans (id),
    time_zone          varchar(64)  not null,
    billing_anchor_day integer      not null check (billing_anchor_day between 1 and 28),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    check (parent_id is null or parent_id <> id)
);

create index tenants_parent on tenants (parent_id);
create index tenants_plan on tenants (plan_id);

alter table plans add constraint plans_owner_fk foreign key (owner_tenant_id) references tenants (id);
create index plans_parent on plans (parent_plan_id);

-- Only the SHA-256 of a key is stored, never its plaintext.
create table api_keys (
    id            uuid primary key,
    tenant_id     uuid         not null references tenants (id),
    prefix        varchar(32)  not null unique,
    name          varchar(200),
    key_hash      varchar(64)  not null unique,
    status        varchar(16)  not null check (status in ('ACTIVE', 'ROTATING', 'REVOKED', 'EXPIRED')),
    created_at    timestamptz  not null,
    expires_at    timestamptz,
    grace_ends_at timestamptz,
    revoked_at    timestamptz,
    replaced_by   uuid references api_keys (id)
);

create index api_keys_tenant on api_keys (tenant_id);

-- Append-only: updates and deletes are refused by the database itself.
create table audit_events (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(255) not null,
    action      varchar(64)  not null,
    target_type varchar(32)  not null,
    target_id   uuid         not null,
    tenant_id   uuid,
    summary     text         not null
);

create index audit_events_tenant_time on audit_events (tenant_id, occurred_at);
create index audit_events_time on audit_events (occurred_at);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_events is append-only';
end;
$$;

create trigger audit_events_no_update_or_delete
    before update or delete on audit_events
    for each row execute function audit_events_append_only();
