package dev.atelier.editor.internal;

/**
 * One thing wrong with a timeline document.
 *
 * @param path a JSON path into the document, e.g. {@code $.video.clips[3].trimInMs}
 * @param code stable and machine-readable, e.g. {@code past_source_end}
 * @param message a sentence for people
 */
public record TimelineProblem(String path, String code, String message) {
}
