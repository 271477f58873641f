-- A long export is rendered as time chunks of its picture on any render nodes plus its sound once,
-- then joined without re-encoding (docs/render.md). One row per piece; each is also a db-scheduler
-- execution (run-export-chunk), whose heartbeats bring back a piece whose node died.
create table render_export_chunks (
    export_id     uuid        not null references render_exports (id) on delete cascade,
    -- 0 is the sound of the whole export; 1.. are the picture's chunks in order
    n             int         not null check (n >= 0),
    from_ms       bigint      not null,
    to_ms         bigint      not null check (to_ms > from_ms),
    status        text        not null check (status in ('pending', 'running', 'done', 'failed')),
    attempts      int         not null default 0,
    node          text,
    -- microseconds of this piece written so far (ffmpeg's out_time_us)
    out_us        bigint      not null default 0,
    -- the rendered piece in the shared blob store (media SharedFiles), once done
    file_id       uuid,
    error_code    text,
    error_message text,
    updated_at    timestamptz not null,
    primary key (export_id, n)
);
