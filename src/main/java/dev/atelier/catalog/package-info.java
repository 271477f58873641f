/**
 * The models on offer: their kind, provider, the parameters they accept and their price.
 *
 * <p>Other modules use {@link dev.atelier.catalog.Catalog}: {@code quote} validates a request
 * and prices it (the amount to hold), and the {@link dev.atelier.catalog.PriceRule} it returns is
 * the snapshot to store with the work, from which the actual cost is computed later.
 */
package dev.atelier.catalog;
