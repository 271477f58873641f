-- stock photos copied into the library, with the attribution their licences ask for (stock module)
create table stock_imports (
    asset_id         uuid primary key,
    owner_id         uuid        not null references users (id) on delete cascade,
    source           text        not null check (source in ('pexels', 'unsplash')),
    photo_id         text        not null,
    photographer     text        not null,
    photographer_url text,
    page_url         text,
    attribution      text        not null,
    imported_at      timestamptz not null
);
create index stock_imports_owner_idx on stock_imports (owner_id, imported_at desc);
