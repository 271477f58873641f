package dev.atelier.media.delivery;

import dev.atelier.platform.ApiException;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

/**
 * Writes a file as the answer to a GET or HEAD, honouring byte ranges (RFC 9110 §14): one
 * satisfiable range is a 206 with {@code Content-Range}; several are a 206
 * {@code multipart/byteranges}, each part with the file's own type; none satisfiable is a 416
 * with {@code Content-Range: bytes *}{@code /length}. A malformed {@code Range}, one whose
 * {@code If-Range} no longer matches, or ranges adding up to more than the file are ignored and
 * the whole file is sent (a server may always do that; it keeps overlapping ranges from
 * multiplying the bytes sent). Spring's parser reads the header; the writing is done here so the
 * parts carry the asset's type and nothing else second-guesses the ranges.
 */
final class ByteRanges {

    private static final int BUFFER = 64 * 1024;

    private ByteRanges() {
    }

    /** Writing to the client failed: it went away (a player seeking, a cancelled download). */
    static final class ClientGone extends IOException {
        ClientGone(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    record Region(long start, long end) {
        long length() {
            return end - start + 1;
        }

        String contentRange(long total) {
            return "bytes " + start + "-" + end + "/" + total;
        }
    }

    static void write(Path file, String type, String etag, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
            List<Region> regions = requested(request, etag, length);
            boolean head = "HEAD".equalsIgnoreCase(request.getMethod());
            if (regions == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(type);
                response.setContentLengthLong(length);
                if (!head) {
                    copy(channel, new Region(0, length - 1), response.getOutputStream());
                }
            } else if (regions.isEmpty()) {
                // a problem like every other error; nothing of the body has been written yet
                throw new ApiException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range_not_satisfiable",
                        "None of the requested ranges lies within the " + length + " bytes")
                        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
            } else if (regions.size() == 1) {
                Region region = regions.getFirst();
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setContentType(type);
                response.setHeader(HttpHeaders.CONTENT_RANGE, region.contentRange(length));
                response.setContentLengthLong(region.length());
                if (!head) {
                    copy(channel, region, response.getOutputStream());
                }
            } else {
                multipart(channel, regions, type, length, head, response);
            }
        }
    }

    /** null: send it all; empty: nothing asked for is there (416). */
    private static List<Region> requested(HttpServletRequest request, String etag, long length) {
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (range == null || (ifRange != null && !ifRange.equals(etag))) {
            return null;
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(range);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Region> regions = new ArrayList<>();
        long total = 0;
        for (HttpRange each : ranges) {
            try {
                long start = each.getRangeStart(length);
                long end = each.getRangeEnd(length);
                if (start < length && end >= start) {
                    regions.add(new Region(start, end));
                    total += end - start + 1;
                }
            } catch (IllegalArgumentException e) {
                // this one lies past the end; the others may still be there
            }
        }
        return total > length ? null : regions;
    }

    private static void multipart(FileChannel channel, List<Region> regions, String type, long length, boolean head,
            HttpServletResponse response) throws IOException {
        String boundary = UUID.randomUUID().toString().replace("-", "");
        List<byte[]> partHeads = new ArrayList<>();
        long size = 0;
        for (Region region : regions) {
            byte[] partHead = ("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: "
                    + region.contentRange(length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            partHeads.add(partHead);
            size += partHead.length + region.length();
        }
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setContentType("multipart/byteranges; boundary=" + boundary);
        response.setContentLengthLong(size + end.length);
        if (head) {
            return;
        }
        OutputStream out = response.getOutputStream();
        try {
            for (int i = 0; i < regions.size(); i++) {
                out.write(partHeads.get(i));
                copy(channel, regions.get(i), out);
            }
            out.write(end);
        } catch (ClientGone e) {
            throw e;
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    private static void copy(FileChannel channel, Region region, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, region.length()));
        long position = region.start();
        long remaining = region.length();
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("the file ended early");
            }
            try {
                out.write(buffer.array(), 0, read);
            } catch (IOException e) {
                throw new ClientGone(e);
            }
            position += read;
            remaining -= read;
        }
    }
}
