package dev.atelier.media.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers a GET for a file with byte ranges (RFC 9110 §14): one satisfiable range is a 206 with
 * {@code Content-Range}; several are a 206 {@code multipart/byteranges}; none satisfiable is a
 * 416 with {@code Content-Range: bytes *}{@code /length}. A malformed {@code Range}, one whose
 * {@code If-Range} no longer matches, or ranges adding up to more than the file are ignored and
 * the whole file is sent (a server may always do that; it keeps overlapping ranges from
 * multiplying the bytes sent). Conditional requests ({@code If-None-Match} → 304) are decided
 * by the caller before this runs.
 */
final class ByteRanges {

    private ByteRanges() {
    }

    static ResponseEntity<?> serve(Path file, String rangeHeader, String ifRange, String etag, MediaType type,
            HttpHeaders headers) throws IOException {
        long length = Files.size(file);
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setContentType(type);
        if (rangeHeader != null && (ifRange == null || ifRange.equals(etag))) {
            List<HttpRange> ranges = parse(rangeHeader);
            if (ranges != null) {
                Resource resource = new Typed(file, type);
                List<ResourceRegion> regions = satisfiable(ranges, resource, length);
                if (regions.isEmpty()) {
                    headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
                    headers.remove(HttpHeaders.CONTENT_TYPE);
                    return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).headers(headers).build();
                }
                long total = regions.stream().mapToLong(ResourceRegion::getCount).sum();
                if (total <= length) {
                    return regions.size() == 1
                            ? ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(headers).body(regions.getFirst())
                            : ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(headers).body(regions);
                }
            }
        }
        // an InputStreamResource, so Spring does not apply the Range header again on its own
        headers.setContentLength(length);
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(Files.newInputStream(file)));
    }

    private static List<HttpRange> parse(String header) {
        try {
            return HttpRange.parseRanges(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<ResourceRegion> satisfiable(List<HttpRange> ranges, Resource resource, long length) {
        List<ResourceRegion> regions = new ArrayList<>();
        for (HttpRange range : ranges) {
            try {
                long start = range.getRangeStart(length);
                long end = range.getRangeEnd(length);
                if (start < length && end >= start) {
                    regions.add(new ResourceRegion(resource, start, end - start + 1));
                }
            } catch (IllegalArgumentException e) {
                // this range lies past the end: unsatisfiable, the others may still be served
            }
        }
        return regions;
    }

    /**
     * The file under a name Spring maps back to its type: the parts of a multipart/byteranges
     * answer take their {@code Content-Type} from the resource's file name (by Spring's table,
     * which calls a few types by older names, e.g. audio/x-wav).
     */
    private static final class Typed extends FileSystemResource {
        private final String name;

        Typed(Path file, MediaType type) {
            super(file);
            this.name = "content." + Downloads.extension(type.toString());
        }

        @Override
        public String getFilename() {
            return name;
        }
    }
}
