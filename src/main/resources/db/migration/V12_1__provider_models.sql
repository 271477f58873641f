-- Real providers (issue 12, docs/providers.md). Each model says which provider model runs it, with fixed
-- provider-side options, which input assets it takes (kind -> how many at most; {} takes none) and an
-- optional fallback model used while its provider's circuit breaker is open. Prices stay Atelier's own.
alter table catalog_models add column provider_model   text;
alter table catalog_models add column provider_options jsonb not null default '{}';
alter table catalog_models add column inputs           jsonb not null default '{}'
    check (jsonb_typeof(inputs) = 'object');
alter table catalog_models add column fallback_model   text references catalog_models (id);

insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length, parameters,
                            price_unit, price_credits, price_minimum, updated_at, provider_model, provider_options, inputs)
values
('openai/gpt-image-1', 'image', 'openai', 'GPT Image 1', 'OpenAI image model; give an input image to edit it.',
 true, 32000,
 '[{"name": "size", "type": "enum", "values": ["1024x1024", "1536x1024", "1024x1536", "auto"], "default": "1024x1024", "description": "picture size"},
   {"name": "quality", "type": "enum", "values": ["low", "medium", "high", "auto"], "default": "auto", "description": "rendering quality"}]',
 'per_output', 20, 20, now(), 'gpt-image-1', '{}', '{"image": 4}'),
('openai/dall-e-3', 'image', 'openai', 'DALL·E 3', 'OpenAI DALL·E 3.',
 true, 4000,
 '[{"name": "size", "type": "enum", "values": ["1024x1024", "1792x1024", "1024x1792"], "default": "1024x1024", "description": "picture size"},
   {"name": "quality", "type": "enum", "values": ["standard", "hd"], "default": "standard", "description": "rendering quality"},
   {"name": "style", "type": "enum", "values": ["vivid", "natural"], "default": "vivid", "description": "look"}]',
 'per_output', 20, 20, now(), 'dall-e-3', '{}', '{}'),
('openai/tts-1', 'speech', 'openai', 'OpenAI TTS', 'OpenAI text to speech.',
 true, 4096,
 '[{"name": "voice", "type": "enum", "values": ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"], "default": "alloy", "description": "the voice that reads"},
   {"name": "speed", "type": "number", "min": 0.25, "max": 4, "default": 1, "description": "reading speed"}]',
 'per_1000_characters', 8, 1, now(), 'tts-1', '{}', '{}'),
('openai/gpt-4o-mini-tts', 'speech', 'openai', 'GPT-4o mini TTS', 'OpenAI speech that follows instructions on tone.',
 true, 4096,
 '[{"name": "voice", "type": "enum", "values": ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"], "default": "alloy", "description": "the voice that reads"},
   {"name": "instructions", "type": "string", "max": 1000, "description": "how to speak (tone, pace)"},
   {"name": "speed", "type": "number", "min": 0.25, "max": 4, "default": 1, "description": "reading speed"}]',
 'per_1000_characters', 10, 1, now(), 'gpt-4o-mini-tts', '{}', '{}'),
('openai/sora-2', 'video', 'openai', 'Sora 2', 'OpenAI video; an input image sets the first frame.',
 true, 32000,
 '[{"name": "durationSeconds", "type": "enum", "values": ["4", "8", "12"], "default": "4", "description": "length in seconds"},
   {"name": "size", "type": "enum", "values": ["720x1280", "1280x720", "1024x1792", "1792x1024"], "default": "1280x720", "description": "frame size"}]',
 'per_second', 10, 10, now(), 'sora-2', '{}', '{"image": 1}'),
('veo/veo-3.1', 'video', 'veo', 'Veo 3.1', 'Google Veo 3.1 through the Gemini API; an input image starts the clip.',
 true, 4000,
 '[{"name": "durationSeconds", "type": "enum", "values": ["4", "6", "8"], "default": "8", "description": "length in seconds"},
   {"name": "aspectRatio", "type": "enum", "values": ["16:9", "9:16"], "default": "16:9", "description": "frame shape"},
   {"name": "resolution", "type": "enum", "values": ["720p", "1080p"], "default": "720p", "description": "frame size"},
   {"name": "negativePrompt", "type": "string", "max": 1000, "description": "what to avoid"}]',
 'per_second', 40, 40, now(), 'veo-3.1-generate-preview', '{}', '{"image": 1}'),
('veo/veo-3.1-fast', 'video', 'veo', 'Veo 3.1 Fast', 'Google Veo 3.1 Fast through the Gemini API.',
 true, 4000,
 '[{"name": "durationSeconds", "type": "enum", "values": ["4", "6", "8"], "default": "8", "description": "length in seconds"},
   {"name": "aspectRatio", "type": "enum", "values": ["16:9", "9:16"], "default": "16:9", "description": "frame shape"},
   {"name": "resolution", "type": "enum", "values": ["720p", "1080p"], "default": "720p", "description": "frame size"}]',
 'per_second', 15, 15, now(), 'veo-3.1-fast-generate-preview', '{}', '{"image": 1}'),
('replicate/flux-schnell', 'image', 'replicate', 'FLUX.1 schnell', 'Black Forest Labs FLUX.1 [schnell] on Replicate.',
 true, 2000,
 '[{"name": "aspectRatio", "type": "enum", "values": ["1:1", "16:9", "9:16", "4:3", "3:4"], "default": "1:1", "description": "frame shape"},
   {"name": "seed", "type": "int", "min": 0, "max": 2147483647, "description": "same seed and prompt, same picture"}]',
 'per_output', 3, 3, now(), 'black-forest-labs/flux-schnell', '{"output_format": "png"}', '{}'),
('replicate/flux-kontext-pro', 'image', 'replicate', 'FLUX.1 Kontext pro', 'Edits an input image following the prompt, on Replicate.',
 true, 2000,
 '[{"name": "seed", "type": "int", "min": 0, "max": 2147483647, "description": "same seed and prompt, same picture"}]',
 'per_output', 8, 8, now(), 'black-forest-labs/flux-kontext-pro', '{"output_format": "png"}', '{"image": 1}'),
('fal/flux-schnell', 'image', 'fal', 'FLUX.1 schnell (fal)', 'Black Forest Labs FLUX.1 [schnell] on fal.ai.',
 true, 2000,
 '[{"name": "imageSize", "type": "enum", "values": ["square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"], "default": "square_hd", "description": "frame size"},
   {"name": "seed", "type": "int", "min": 0, "max": 2147483647, "description": "same seed and prompt, same picture"}]',
 'per_output', 3, 3, now(), 'fal-ai/flux/schnell', '{}', '{}'),
('elevenlabs/multilingual-v2', 'speech', 'elevenlabs', 'ElevenLabs Multilingual v2', 'ElevenLabs text to speech.',
 true, 5000,
 '[{"name": "voice", "type": "string", "max": 64, "default": "JBFqnCBsd6RMkjVDRZzb", "description": "an ElevenLabs voice id (GET /api/v1/providers/elevenlabs/voices)"},
   {"name": "stability", "type": "number", "min": 0, "max": 1, "default": 0.5, "description": "steadier or more expressive"}]',
 'per_1000_characters', 30, 1, now(), 'eleven_multilingual_v2', '{"output_format": "mp3_44100_128"}', '{}'),
('elevenlabs/music', 'music', 'elevenlabs', 'ElevenLabs Music', 'ElevenLabs music from a prompt.',
 true, 2000,
 '[{"name": "durationSeconds", "type": "int", "min": 3, "max": 600, "default": 30, "description": "length in seconds"},
   {"name": "instrumental", "type": "boolean", "default": false, "description": "no vocals"}]',
 'per_second', 2, 6, now(), 'music_v1', '{"output_format": "mp3_44100_128"}', '{}'),
('comfyui/txt2img', 'image', 'comfyui', 'ComfyUI text to image', 'Your own ComfyUI server running the txt2img workflow template.',
 true, 5000,
 '[{"name": "width", "type": "int", "min": 256, "max": 2048, "default": 1024, "description": "width in pixels"},
   {"name": "height", "type": "int", "min": 256, "max": 2048, "default": 1024, "description": "height in pixels"},
   {"name": "seed", "type": "int", "min": 0, "max": 2147483647, "description": "same seed and prompt, same picture"}]',
 'per_output', 1, 1, now(), 'txt2img', '{}', '{}');

-- while OpenAI's breaker is open, its image model falls back to FLUX on fal (priced as FLUX)
update catalog_models set fallback_model = 'fal/flux-schnell' where id = 'openai/gpt-image-1';
update catalog_models set fallback_model = 'veo/veo-3.1-fast' where id = 'openai/sora-2';

-- which model actually ran (a fallback while the asked-for model's provider was down); null: the asked-for one
alter table generations add column ran_model text;
-- webhooks find the job by the provider's id for it
create index generations_provider_job_idx on generations (provider, provider_job_id) where provider_job_id is not null;

-- webhook deliveries already handled, by the provider's message id: a replay is acknowledged and ignored
create table provider_webhook_receipts (
    provider    text        not null,
    message_id  text        not null,
    received_at timestamptz not null,
    primary key (provider, message_id)
);
create index provider_webhook_receipts_age_idx on provider_webhook_receipts (received_at);
