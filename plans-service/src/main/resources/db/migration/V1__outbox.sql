-- Transactional outbox: a change and its event commit together; the relay publishes in id order.
create table outbox_events (
    id            bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    payload       jsonb       not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);

create index outbox_events_unpublished on outbox_events (id) where published_at is null;
create index outbox_events_published_at on outbox_events (published_at) where published_at is not null;
