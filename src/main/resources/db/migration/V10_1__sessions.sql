-- A session is one sign-in: its refresh-token chain and every access token issued from it
-- (access tokens carry its id as the claim "sid"). Revoking it (logout, refresh-token reuse,
-- password change) refuses its access tokens at once: the row is read on every request.
create table sessions (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    created_at timestamptz not null,
    revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

-- the chains that exist already become sessions (revoked if any of their links was)
insert into sessions (id, user_id, created_at, revoked_at)
select chain_id, (array_agg(user_id))[1], min(created_at),
       case when bool_or(revoked_at is not null) then max(revoked_at) end
from refresh_tokens group by chain_id;
