-- Outbound webhooks (issue 13). See docs/webhooks.md.

create table webhook_endpoints (
    id                    uuid primary key,
    owner_id              uuid        not null references users (id) on delete cascade,
    url                   text        not null,
    description           text,
    events                text[]      not null,
    -- the signing secret (whsec_...): needed in clear to sign, shown to the user only once
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        not null check (status in ('enabled', 'disabled')),
    disabled_reason       text,
    disabled_at           timestamptz,
    consecutive_failures  int         not null default 0,
    failing_since         timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index webhook_endpoints_owner_idx on webhook_endpoints (owner_id, created_at desc, id desc);

-- one row per event: the exact body sent (text, not jsonb, which would reorder it), under a stable id
create table webhook_messages (
    id         text primary key,
    owner_id   uuid        not null references users (id) on delete cascade,
    type       text        not null,
    payload    text        not null,
    created_at timestamptz not null
);

create table webhook_deliveries (
    id                    uuid primary key,
    message_id            text        not null references webhook_messages (id) on delete cascade,
    endpoint_id           uuid        not null references webhook_endpoints (id) on delete cascade,
    status                text        not null check (status in ('pending', 'succeeded', 'failed')),
    attempts              int         not null default 0,
    -- when the current run of attempts began (creation, or a manual redelivery): retries end retry-for after it
    run_started_at        timestamptz not null,
    next_attempt_at       timestamptz,
    last_attempt_at       timestamptz,
    last_response_status  int,
    last_duration_ms      int,
    last_error            text,
    last_response_excerpt text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    unique (message_id, endpoint_id)
);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at desc, id desc);
create index webhook_deliveries_finished_idx on webhook_deliveries (updated_at) where status <> 'pending';

create table webhook_attempts (
    delivery_id      uuid        not null references webhook_deliveries (id) on delete cascade,
    attempt          int         not null,
    outcome          text        not null check (outcome in ('succeeded', 'failed')),
    response_status  int,
    error            text,
    duration_ms      int         not null,
    response_excerpt text,
    attempted_at     timestamptz not null,
    primary key (delivery_id, attempt)
);

create table webhook_settings (
    owner_id              uuid primary key references users (id) on delete cascade,
    credits_low_threshold bigint      not null check (credits_low_threshold between 0 and 1000000000),
    updated_at            timestamptz not null
);

-- the delivery workers' own db-scheduler table: their threads and queue are apart from job processing
create table webhook_tasks (like scheduled_tasks including all);
