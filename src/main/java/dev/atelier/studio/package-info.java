/**
 * The studio: server-rendered page shells (jte) whose small ES modules call the same {@code /api/v1}
 * as every API client; the browser's cookie session, CSRF and Content-Security-Policy. See docs/studio.md.
 */
package dev.atelier.studio;
