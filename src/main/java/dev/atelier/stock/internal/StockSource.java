package dev.atelier.stock.internal;

import java.util.List;

/** One stock-photo source (Pexels, Unsplash). */
interface StockSource {

    String id();

    /** A page (1-based) of results for {@code query}. */
    Results search(String query, int page) throws Upstream;

    StockPhoto photo(String id) throws Upstream;

    /** Tells the source a photo is being used, where its terms ask for it (Unsplash). */
    default void downloaded(StockPhoto photo) {
    }

    record Results(List<StockPhoto> photos, boolean hasMore) {
    }

    /** The source refused or failed: {@code status} 429 carries how long to wait. */
    final class Upstream extends Exception {
        final int status;
        final long retryAfterSeconds;

        Upstream(int status, long retryAfterSeconds, String message) {
            super(message);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
