/**
 * Projects and their timeline documents (schema version 1): the document's records, validation,
 * versions (ETag compare-and-set) and the pins that keep a timeline's assets. The render module
 * reads projects through {@link dev.atelier.editor.Projects}; see docs/editor.md.
 */
package dev.atelier.editor;
