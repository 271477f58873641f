-- Render module (docs/render.md): exports as rows with a state machine settled through the credits
-- ledger, previews as rows over a cache of windows, and the callbacks remote workers sent.

-- renders are priced through the catalog like models: a kind of their own, per second of output
alter table catalog_models drop constraint catalog_models_kind_check;
alter table catalog_models add constraint catalog_models_kind_check
    check (kind in ('image', 'video', 'music', 'speech', 'render'));
insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length, parameters,
                            price_unit, price_credits, price_minimum, updated_at)
values ('render/export', 'render', 'render', 'Export',
        'Renders a project''s timeline to an MP4 or WebM file; priced per second of output (60 a minute).',
        true, 1,
        '[{"name": "durationSeconds", "type": "int", "min": 1, "max": 3600, "default": 60, "description": "length of the video"}]',
        'per_second', 1, 1, now());

create table render_exports (
    id              uuid primary key,
    owner_id        uuid        not null references users (id) on delete cascade,
    project_id      uuid        not null,
    project_version bigint      not null,
    -- the timeline and output as they were when the export was asked for: later edits do not change it
    timeline        jsonb       not null,
    width           int         not null,
    height          int         not null,
    fps             int         not null,
    -- the project's own height, which text sizes are given at
    project_height  int         not null,
    resolution      text        not null check (resolution in ('480p', '720p', '1080p')),
    format          text        not null check (format in ('mp4', 'webm')),
    length_ms       bigint      not null check (length_ms > 0),
    status          text        not null check (status in ('queued', 'running', 'succeeded', 'failed', 'canceled', 'timed_out')),
    progress        int         not null default 0 check (progress between 0 and 100),
    eta_seconds     int,
    attempts        int         not null default 0,
    worker          text,
    output_asset_id uuid,
    -- the video a remote worker uploaded, before its "succeeded" callback makes it the output
    uploaded_asset_id uuid,
    price           jsonb       not null,
    hold_id         uuid        not null,
    cost_held       bigint      not null,
    cost_charged    bigint,
    error_code      text,
    error_message   text,
    deadline        timestamptz not null,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz not null
);
create index render_exports_owner_idx on render_exports (owner_id, created_at desc, id desc);
create index render_exports_project_idx on render_exports (project_id, created_at desc, id desc);
create index render_exports_active_idx on render_exports (deadline) where status in ('queued', 'running');

create table render_previews (
    id              uuid primary key,
    owner_id        uuid        not null references users (id) on delete cascade,
    project_id      uuid        not null,
    project_version bigint      not null,
    length_ms       bigint      not null,
    window_ms       bigint      not null,
    -- what is rendered: the timeline as it was asked for, at this size
    timeline        jsonb       not null,
    width           int         not null,
    height          int         not null,
    fps             int         not null,
    project_height  int         not null,
    -- one cache key per window, in order; the segment files are named by key
    windows         text[]      not null,
    window_ends     bigint[]    not null,
    status          text        not null check (status in ('running', 'succeeded', 'failed')),
    rendered        int         not null default 0,
    reused          int         not null default 0,
    error_code      text,
    error_message   text,
    created_at      timestamptz not null,
    finished_at     timestamptz
);
create index render_previews_project_idx on render_previews (project_id, created_at desc);
create index render_previews_created_idx on render_previews (created_at);

-- the cache of rendered preview windows on this node's disk, by key (a hash of all that affects it)
create table render_preview_segments (
    key          text primary key,
    bytes        bigint      not null,
    created_at   timestamptz not null,
    last_used_at timestamptz not null
);
create index render_preview_segments_used_idx on render_preview_segments (last_used_at);

-- callback ids already seen from remote workers (Standard Webhooks webhook-id): a replay changes nothing
create table render_callbacks_seen (
    id        text primary key,
    seen_at   timestamptz not null
);
