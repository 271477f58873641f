/**
 * Outbound webhooks: users' endpoints, signed (Standard Webhooks) deliveries of what happened to
 * their work, retried on the module's own bounded workers, refused to private addresses.
 * Facts come in through {@link dev.atelier.webhooks.Webhooks#record}, called inside the
 * transaction that made the fact true. See docs/webhooks.md.
 */
package dev.atelier.webhooks;
