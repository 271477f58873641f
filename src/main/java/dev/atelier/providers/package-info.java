/**
 * Model providers behind the generation module's {@link dev.atelier.generation.GenerationProvider}
 * port, one package each: {@code local} (offline image, music, speech and video, on by default,
 * no keys, no network), later openai, replicate, veo, comfyui, fal and elevenlabs.
 */
package dev.atelier.providers;
