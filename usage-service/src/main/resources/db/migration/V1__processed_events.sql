-- Every consumed event id, so a redelivered event is recognised and counted once.
create table processed_events (
    event_id     uuid        primary key,
    topic        text        not null,
    processed_at timestamptz not null default now()
);
