-- The events sent on users' event streams, kept a few minutes so that a client reconnecting with
-- Last-Event-ID gets what it missed from whichever node it reaches. The id is the SSE event id.
create table generation_events (
    id            bigserial   primary key,
    owner_id      uuid        not null references users (id) on delete cascade,
    generation_id uuid        not null,
    data          jsonb       not null,
    created_at    timestamptz not null
);
create index generation_events_owner_idx on generation_events (owner_id, id);
create index generation_events_created_idx on generation_events (created_at);
