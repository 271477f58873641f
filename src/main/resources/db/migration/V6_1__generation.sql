create table generations (
    id               uuid primary key,
    owner_id         uuid        not null references users (id) on delete cascade,
    model            text        not null,
    kind             text        not null,
    provider         text        not null,
    prompt           text        not null,
    params           jsonb       not null,
    input_asset_ids  uuid[]      not null default '{}',
    status           text        not null check (status in ('queued', 'running', 'succeeded', 'failed', 'canceled', 'timed_out')),
    progress         int check (progress between 0 and 100),
    provider_job_id  text,
    attempts         int         not null default 0,
    poll_interval_ms bigint,
    -- the price rule in force when the work was submitted: later price changes never rewrite it
    price            jsonb       not null,
    hold_id          uuid,
    cost_held        bigint      not null,
    cost_charged     bigint,
    cost_released    bigint,
    error_code       text,
    error_message    text,
    late             boolean     not null default false,
    deadline         timestamptz not null,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz not null
);
-- history: keyset pages newest first, per owner, with and without each filter
create index generations_owner_idx on generations (owner_id, created_at desc, id desc);
create index generations_owner_status_idx on generations (owner_id, status, created_at desc, id desc);
create index generations_owner_kind_idx on generations (owner_id, kind, created_at desc, id desc);
create index generations_owner_model_idx on generations (owner_id, model, created_at desc, id desc);
create index generations_prompt_search_idx on generations using gin (to_tsvector('simple', prompt));
-- the sweeper's work: active jobs past their deadline
create index generations_active_deadline_idx on generations (deadline) where status in ('queued', 'running');

create table generation_outputs (
    generation_id uuid not null references generations (id) on delete cascade,
    position      int  not null,
    asset_id      uuid not null,
    primary key (generation_id, position)
);
