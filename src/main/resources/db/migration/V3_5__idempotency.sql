-- Idempotency-Key records (platform.idempotency, docs/credits.md): the first response per (caller, key)
create table idempotency_keys (
    id            uuid primary key,
    principal     text        not null,
    key           text        not null,
    fingerprint   bytea       not null,
    state         text        not null check (state in ('in_progress', 'done')),
    status        int,
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz not null,
    claimed_until timestamptz not null,
    constraint idempotency_keys_once unique (principal, key),
    constraint idempotency_keys_done_has_response check ((state = 'done') = (status is not null))
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
