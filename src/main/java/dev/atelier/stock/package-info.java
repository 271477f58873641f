/**
 * Stock photos: search Pexels (and Unsplash when configured) through one normalised list with
 * attribution, cached in a bounded cache, and import a photo into the media library.
 */
package dev.atelier.stock;
