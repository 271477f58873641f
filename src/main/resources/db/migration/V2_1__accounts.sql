create table users (
    id            uuid primary key,
    email         text        not null,
    name          text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('user', 'admin')),
    disabled      boolean     not null default false,
    created_at    timestamptz not null
);
-- emails compare case-insensitively: the stored form is trimmed and lower-cased
create unique index users_email_key on users (email);
create index users_created_idx on users (created_at desc, id desc);

-- rotating refresh tokens: one chain per sign-in, each use replaces the link; reuse revokes the chain
create table refresh_tokens (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    chain_id   uuid        not null,
    token_hash bytea       not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);
create index refresh_tokens_chain_idx on refresh_tokens (chain_id);
create index refresh_tokens_expires_idx on refresh_tokens (expires_at);

create table api_keys (
    id           uuid primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    name         text        not null,
    prefix       text        not null,
    key_hash     bytea       not null unique,
    scopes       text[]      not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    replaced_by  uuid references api_keys (id)
);
create index api_keys_user_idx on api_keys (user_id, created_at desc, id desc);

-- Bucket4j buckets for throttling failed logins (shared by every node)
create table login_attempt_buckets (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
