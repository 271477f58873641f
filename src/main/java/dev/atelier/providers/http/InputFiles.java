package dev.atelier.providers.http;

import dev.atelier.generation.ProviderRequest;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The input assets of a request, read for a provider that wants them inline (base64, data URIs,
 * multipart). Bounded: providers take inputs of a few megabytes, never whole films.
 */
@Component
public class InputFiles {

    public static final int MAX_INPUT_BYTES = 25 * 1024 * 1024;

    private final Assets assets;

    public InputFiles(Assets assets) {
        this.assets = assets;
    }

    public record Input(String mediaType, String kind, String name, byte[] bytes) {
        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        public String dataUri() {
            return "data:" + mediaType + ";base64," + base64();
        }
    }

    public List<Input> of(ProviderRequest request) throws IOException {
        if (request.inputAssetIds().isEmpty()) {
            return List.of();
        }
        List<Input> inputs = new ArrayList<>();
        for (UUID id : request.inputAssetIds()) {
            Asset asset = assets.find(id).filter(a -> a.ownerId().equals(request.ownerId()))
                    .orElseThrow(() -> new IOException("input asset " + id + " is gone"));
            try (InputStream in = assets.open(asset)) {
                byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
                if (bytes.length > MAX_INPUT_BYTES) {
                    throw new IllegalArgumentException("input asset " + id + " is larger than " + MAX_INPUT_BYTES + " bytes");
                }
                inputs.add(new Input(asset.mediaType(), asset.kind().value(),
                        asset.name() == null ? "input-" + inputs.size() : asset.name(), bytes));
            }
        }
        return inputs;
    }
}
