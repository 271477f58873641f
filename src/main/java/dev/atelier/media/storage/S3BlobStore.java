package dev.atelier.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects in an S3-compatible bucket. Small files go in one PUT; larger ones in a
 * multipart upload of fixed-size parts read straight from the spool file (nothing is buffered in
 * memory, and a retried part simply reads its slice again). A multipart upload that fails is
 * aborted, so the bucket keeps no parts nobody will complete. S3 makes an object visible only when
 * its upload completes, which gives the same all-or-nothing as the local store's rename.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final long MIN_PART = 5L * 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final long partSize;

    public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, long partSize) {
        if (partSize < MIN_PART) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MB");
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    @Override
    public void put(String key, Path source, String contentType) throws IOException {
        BlobKeys.require(key);
        long size = Files.size(source);
        if (size <= partSize) {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromFile(source));
        } else {
            putInParts(key, source, size, contentType);
        }
    }

    /** Visible for tests: {@code size} is what the parts are cut from. */
    void putInParts(String key, Path source, long size, String contentType) {
        String uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key)
                .contentType(contentType)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0, number = 1; offset < size; offset += partSize, number++) {
                long length = Math.min(partSize, size - offset);
                int partNumber = (int) number;
                long start = offset;
                String etag = s3.uploadPart(part -> part.bucket(bucket).key(key).uploadId(uploadId)
                                .partNumber(partNumber).contentLength(length),
                        RequestBody.fromContentProvider(() -> slice(source, start, length), length,
                                contentType)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private static InputStream slice(Path source, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(source, StandardOpenOption.READ).position(offset);
            return new FileSlice(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void abort(String key, String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.warn("Could not abort multipart upload {} of {}; the bucket's lifecycle rule must clean it",
                    uploadId, key, e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        BlobKeys.require(key);
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        }
    }

    @Override
    public Optional<Long> size(String key) {
        BlobKeys.require(key);
        try {
            return Optional.of(s3.headObject(head -> head.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        BlobKeys.require(key);
        s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    }

    @Override
    public void listOlderThan(String prefix, Instant before, Consumer<List<String>> batch) {
        s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).forEach(page -> {
            List<String> keys = page.contents().stream()
                    .filter(object -> object.lastModified().isBefore(before))
                    .map(S3Object::key)
                    .filter(key -> BlobKeys.assetOf(key).isPresent())
                    .toList();
            if (!keys.isEmpty()) {
                batch.accept(keys);
            }
        });
    }

    @Override
    public Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl, String contentType, String contentDisposition) {
        BlobKeys.require(key);
        var request = presigner.presignGetObject(presign -> presign.signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key)
                        .responseContentType(contentType)
                        .responseContentDisposition(contentDisposition)));
        return Optional.of(URI.create(request.url().toString()));
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
