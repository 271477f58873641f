-- Every change to a model, whoever makes it (Atelier, a migration, an operator in psql), tells every
-- node at commit: nodes keep the models they read (catalog/internal/ModelCache) and forget one when
-- they hear it changed. Old nodes during a rolling upgrade do not listen and read every time, as before.
create function catalog_models_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('catalog_changed', coalesce(new.id, old.id));
    return null;
end
$$;

create trigger catalog_models_changed after insert or update or delete on catalog_models
    for each row execute function catalog_models_changed();
