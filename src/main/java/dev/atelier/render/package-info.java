/**
 * Rendering: previews and exports of a project's timeline with ffmpeg, their progress, and remote
 * render workers. The timeline → ffmpeg translation is the pure {@code graph} package; the rest is
 * {@code internal}. See docs/render.md.
 */
package dev.atelier.render;
