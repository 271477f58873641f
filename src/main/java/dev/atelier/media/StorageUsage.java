package dev.atelier.media;

/** One user's storage: bytes kept, bytes reserved by uploads in flight, and the quota. */
public record StorageUsage(long usedBytes, long reservedBytes, long quotaBytes) {
}
