-- Projects: a named timeline document (JSONB, schema version 1) and its output settings.
-- `version` is the ETag: every change is one guarded UPDATE ... WHERE version = :expected, so two
-- editors saving at once cannot both win. `length_ms` is derived from the timeline on every write.
create table projects (
    id         uuid        primary key,
    owner_id   uuid        not null references users (id) on delete cascade,
    name       text        not null check (char_length(name) between 1 and 200),
    width      int         not null check (width between 128 and 1920 and width % 2 = 0),
    height     int         not null check (height between 128 and 1920 and height % 2 = 0),
    fps        int         not null check (fps in (24, 25, 30, 50, 60)),
    timeline   jsonb       not null,
    version    bigint      not null check (version >= 1),
    length_ms  bigint      not null check (length_ms >= 0),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
-- the project list: newest first per owner, keyset by (created_at, id)
create index projects_by_owner on projects (owner_id, created_at desc, id desc);
