-- Assets: every file Atelier keeps. Bytes live in the blob store under assets/<id> (and the
-- thumbnail under thumbs/<id>); a row exists only once its blobs are complete.
create table media_assets (
    id             uuid primary key,
    owner_id       uuid        not null,
    kind           text        not null check (kind in ('image', 'video', 'audio')),
    origin         text        not null check (origin in ('upload', 'generation', 'render')),
    media_type     text        not null,
    bytes          bigint      not null check (bytes > 0),
    sha256         text        not null,
    width          int,
    height         int,
    duration_ms    bigint,
    has_audio      boolean     not null,
    name           text,
    thumbnail_type text,
    created_at     timestamptz not null,
    expires_at     timestamptz
);
-- the library list: newest first per owner, keyset by (created_at, id)
create index media_assets_by_owner on media_assets (owner_id, created_at desc, id desc);
create index media_assets_expiring on media_assets (expires_at) where expires_at is not null;

-- "Something still uses it": one row per user of an asset (e.g. 'project:<uuid>'); an expired
-- asset with a pin is kept, and a pinned asset cannot be deleted.
create table media_asset_pins (
    asset_id  uuid        not null references media_assets (id) on delete cascade,
    holder    text        not null,
    pinned_at timestamptz not null,
    primary key (asset_id, holder)
);

-- Storage per user: kept bytes plus bytes reserved by uploads in flight. Reservations are taken
-- with one guarded UPDATE (used + reserved + n <= quota), so concurrent uploads on any number of
-- nodes can never pass the quota together.
create table media_usage (
    owner_id       uuid primary key,
    used_bytes     bigint not null default 0 check (used_bytes >= 0),
    reserved_bytes bigint not null default 0 check (reserved_bytes >= 0)
);

-- One row per upload in flight: what it has reserved, and when it last made progress. Retention
-- gives back the reservations of uploads that stopped moving (their node died).
create table media_reservations (
    id         uuid primary key,
    owner_id   uuid        not null,
    bytes      bigint      not null default 0 check (bytes >= 0),
    touched_at timestamptz not null
);
create index media_reservations_stale on media_reservations (touched_at);
