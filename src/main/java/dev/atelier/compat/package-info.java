/**
 * OpenAI-compatible endpoints ({@code /v1/models}, images, speech, videos) so tools that already
 * speak OpenAI's API can point at Atelier: the same catalog, credits, limits, idempotency and
 * history as {@code /api/v1}, reached through {@link dev.atelier.generation.GenerationJobs}.
 */
package dev.atelier.compat;
