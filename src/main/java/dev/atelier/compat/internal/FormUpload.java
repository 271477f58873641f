package dev.atelier.compat.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.NewAsset;
import dev.atelier.media.UploadGate;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.web.MultipartReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads an OpenAI multipart form (images/edits, videos): its text fields, bounded, and its files,
 * streamed into the caller's library as uploads (the same limits, quota, rate and retention as
 * {@code POST /api/v1/assets}). Files already stored are deleted again if the form turns out bad.
 */
@Component
class FormUpload {

    static final int MAX_FIELDS = 32;
    static final int MAX_FIELD_BYTES = 64 * 1024;
    static final int MAX_FILES = 4;

    private final Assets assets;
    private final MediaProperties media;
    private final ObjectProvider<UploadGate> gates;

    FormUpload(Assets assets, MediaProperties media, ObjectProvider<UploadGate> gates) {
        this.assets = assets;
        this.media = media;
        this.gates = gates;
    }

    /** What the form held: text fields by name, and the stored files by field name in order. */
    record Form(Map<String, String> fields, List<Asset> files) {
        String field(String name) {
            return fields.get(name);
        }

        Integer number(String name) {
            String value = fields.get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw ImageRequests.invalid(name, name + " must be a whole number");
            }
        }
    }

    Form read(CurrentUser user, HttpServletRequest request, Set<String> fileFields) {
        MediaType type = contentType(request);
        List<UploadGate.Admission> admissions = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<Asset> files = new ArrayList<>();
        try {
            gates.orderedStream().forEach(gate -> admissions.add(gate.admit(user)));
            MultipartReader multipart = new MultipartReader(request.getInputStream(), type.getParameter("boundary"));
            for (MultipartReader.Part part = multipart.next(); part != null; part = multipart.next()) {
                if (part.fileName() != null) {
                    if (!fileFields.contains(part.name())) {
                        throw ImageRequests.invalid(part.name(), "No file is expected in " + part.name());
                    }
                    if (files.size() == MAX_FILES) {
                        throw ImageRequests.invalid(part.name(), "At most " + MAX_FILES + " files");
                    }
                    files.add(assets.store(NewAsset.upload(user.id(), part.fileName(), media.uploadRetention()),
                            part.body()));
                } else {
                    if (fields.size() == MAX_FIELDS) {
                        throw ImageRequests.invalid(part.name(), "At most " + MAX_FIELDS + " form fields");
                    }
                    fields.put(part.name(), text(part));
                }
            }
            return new Form(fields, List.copyOf(files));
        } catch (MultipartReader.MalformedException | IllegalArgumentException e) {
            discard(files);
            throw ApiException.badRequest("malformed_multipart", "The multipart body is malformed: " + e.getMessage());
        } catch (IOException e) {
            discard(files);
            throw ApiException.badRequest("incomplete_body", "The request body ended early");
        } catch (RuntimeException e) {
            discard(files);
            throw e;
        } finally {
            admissions.forEach(UploadGate.Admission::close);
        }
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA) && type.getParameter("boundary") != null) {
                return type;
            }
        } catch (RuntimeException ignored) {
            // answered below
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send multipart/form-data with a boundary");
    }

    private static String text(MultipartReader.Part part) throws IOException {
        byte[] bytes = readAtMost(part.body(), MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw ImageRequests.invalid(part.name(), part.name() + " is longer than " + MAX_FIELD_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }

    /** Deletes uploads of a form that was refused before any job took them as inputs. */
    void discardUnused(List<Asset> files) {
        discard(files);
    }

    private void discard(List<Asset> files) {
        for (Asset file : files) {
            try {
                assets.delete(file.id());
            } catch (RuntimeException ignored) {
                // retention removes an unpinned upload later anyway
            }
        }
    }
}
