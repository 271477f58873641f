-- The models on offer (catalog module, docs/credits.md). Prices are whole credits per unit with a minimum;
-- parameters are rules as JSON: [{name, type: int|number|string|enum|boolean, min, max, values, default, required, description}]
create table catalog_models (
    id                text primary key check (id ~ '^[a-z0-9-]+/[a-z0-9.-]+$'),
    kind              text        not null check (kind in ('image', 'video', 'music', 'speech')),
    provider          text        not null,
    name              text        not null,
    description       text        not null,
    enabled           boolean     not null,
    prompt_max_length int         not null check (prompt_max_length between 1 and 100000),
    parameters        jsonb       not null,
    price_unit        text        not null check (price_unit in ('per_output', 'per_second', 'per_1000_characters')),
    price_credits     bigint      not null check (price_credits between 1 and 1000000),
    price_minimum     bigint      not null check (price_minimum between 1 and 1000000),
    updated_at        timestamptz not null
);

-- every change an admin made, so old prices stay explainable (the work itself stores the price it used)
create table catalog_model_changes (
    id            bigint generated always as identity primary key,
    model_id      text        not null references catalog_models (id),
    price_credits bigint      not null,
    price_minimum bigint      not null,
    enabled       boolean     not null,
    changed_by    uuid        not null,
    changed_at    timestamptz not null
);

insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length, parameters,
                            price_unit, price_credits, price_minimum, updated_at)
values
('local/sketch', 'image', 'local', 'Sketch', 'Offline image model: draws a picture from the prompt on this machine.',
 true, 2000,
 '[{"name": "width", "type": "int", "min": 256, "max": 2048, "default": 1024, "description": "width in pixels"},
   {"name": "height", "type": "int", "min": 256, "max": 2048, "default": 1024, "description": "height in pixels"},
   {"name": "seed", "type": "int", "min": 0, "max": 2147483647, "description": "same seed and prompt, same picture"}]',
 'per_output', 2, 2, now()),
('local/tune', 'music', 'local', 'Tune', 'Offline music model: a short piece in the mood of the prompt.',
 true, 2000,
 '[{"name": "durationSeconds", "type": "int", "min": 5, "max": 120, "default": 30, "description": "length in seconds"},
   {"name": "seed", "type": "int", "min": 0, "max": 2147483647, "description": "same seed and prompt, same tune"}]',
 'per_second', 1, 5, now()),
('local/voice', 'speech', 'local', 'Voice', 'Offline speech model: reads the prompt aloud.',
 true, 5000,
 '[{"name": "voice", "type": "enum", "values": ["kevin16"], "default": "kevin16", "description": "the voice that reads"}]',
 'per_1000_characters', 1, 1, now()),
('local/motion', 'video', 'local', 'Motion', 'Offline video model: a short animated clip from the prompt.',
 true, 2000,
 '[{"name": "durationSeconds", "type": "int", "min": 2, "max": 30, "default": 5, "description": "length in seconds"},
   {"name": "resolution", "type": "enum", "values": ["360p", "720p"], "default": "360p", "description": "frame size"},
   {"name": "soundtrack", "type": "boolean", "default": false, "description": "add a generated soundtrack"},
   {"name": "seed", "type": "int", "min": 0, "max": 2147483647, "description": "same seed and prompt, same clip"}]',
 'per_second', 2, 4, now());
