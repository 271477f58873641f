-- Credits: balances, holds and the append-only ledger (docs/credits.md).
-- The checks are the last line of defence: the statements in credits.internal never rely on them
-- for correctness, but a bug can never push an account below zero or settle a hold twice.

-- an account belongs to a user of the accounts module: credits can never be given to no one
create table credit_accounts (
    user_id    uuid primary key references users (id),
    balance    bigint      not null default 0,
    held       bigint      not null default 0,
    updated_at timestamptz not null,
    constraint credit_accounts_held_not_negative check (held >= 0),
    constraint credit_accounts_available_not_negative check (balance - held >= 0)
);

create table credit_holds (
    id         uuid primary key,
    user_id    uuid        not null references credit_accounts (user_id),
    reference  text        not null unique,
    amount     bigint      not null check (amount > 0),
    state      text        not null check (state in ('open', 'captured', 'released')),
    captured   bigint,
    reason     text,
    created_at timestamptz not null,
    settled_at timestamptz,
    constraint credit_holds_settled_when_not_open check ((state = 'open') = (settled_at is null)),
    constraint credit_holds_captured_when_captured check ((state = 'captured') = (captured is not null)),
    constraint credit_holds_capture_within_hold check (captured is null or captured between 0 and amount)
);
create index credit_holds_open_idx on credit_holds (user_id) where state = 'open';

-- amount is the change of balance, held_change the change of held; *_after are the account after it
create table credit_ledger (
    id            bigint generated always as identity primary key,
    user_id       uuid        not null references credit_accounts (user_id),
    kind          text        not null
        check (kind in ('welcome', 'grant', 'adjustment', 'hold', 'capture', 'release')),
    amount        bigint      not null,
    held_change   bigint      not null,
    balance_after bigint      not null,
    held_after    bigint      not null,
    reference     text        not null,
    hold_id       uuid references credit_holds (id),
    reason        text,
    created_at    timestamptz not null,
    constraint credit_ledger_hold_rows_name_their_hold
        check ((hold_id is not null) = (kind in ('hold', 'capture', 'release')))
);
-- one hold row per hold, and one settlement (capture OR release) per hold: a hold settles once
create unique index credit_ledger_one_hold_row on credit_ledger (hold_id) where kind = 'hold';
create unique index credit_ledger_one_settlement on credit_ledger (hold_id) where kind in ('capture', 'release');
-- a welcome, grant or adjustment happens once per (account, kind, reference): a duplicate delivery moves nothing
create unique index credit_ledger_once_per_reference on credit_ledger (user_id, kind, reference) where hold_id is null;
create index credit_ledger_user_idx on credit_ledger (user_id, id desc);

-- the ledger is history: rows are added, never changed or removed
create function credit_ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'credit_ledger is append-only (% refused)', tg_op;
end
$$;
create trigger credit_ledger_append_only before update or delete or truncate on credit_ledger
    for each statement execute function credit_ledger_append_only();

-- active-job slots: one counter per user moved only together with the set of slot rows
create table active_job_counts (
    user_id uuid primary key,
    active  int not null check (active >= 0)
);
create table active_jobs (
    job_ref     text primary key,
    user_id     uuid        not null references active_job_counts (user_id),
    acquired_at timestamptz not null
);
create index active_jobs_user_idx on active_jobs (user_id);

-- Bucket4j buckets for per-user request rates (shared by every node)
create table rate_limit_buckets (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expires_idx on rate_limit_buckets (expires_at);
