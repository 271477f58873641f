-- issue 16: keys Atelier generates itself (token, cursor and link signing), made once for the
-- whole cluster and read by every node; values given in configuration never come here
create table platform_secrets (
    name       text                     primary key check (name ~ '^[a-z0-9-]{1,64}$'),
    value      text                     not null,
    origin     text                     not null check (origin in ('generated', 'file')),
    created_at timestamp with time zone not null default now()
);
