/**
 * The media library: blob stores (local directory, S3), assets (uploads, model outputs,
 * renders), sniffing and probing, thumbnails, signed URLs with range serving, quotas and
 * retention. Other modules use {@link dev.atelier.media.Assets}; see docs/media.md.
 */
package dev.atelier.media;
