package dev.atelier.stock.internal;

/**
 * A stock photo, the same whichever source it came from.
 *
 * @param pageUrl the photo's page at the source (link back to it)
 * @param previewUrl a small rendition to show in results
 * @param downloadUrl the full picture (what an import copies)
 */
record StockPhoto(String source, String id, int width, int height, String description, String photographer,
        String photographerUrl, String pageUrl, String previewUrl, String downloadUrl, String attribution) {
}
