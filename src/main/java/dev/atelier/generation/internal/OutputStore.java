package dev.atelier.generation.internal;

import dev.atelier.generation.ProviderOutput;
import dev.atelier.media.Asset;
import dev.atelier.media.AssetKind;
import dev.atelier.media.Assets;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.NewAsset;
import dev.atelier.platform.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies what a provider produced into Atelier's own media library before a job counts as done
 * (provider URLs expire), streaming it: nothing is held whole in memory. A file the library
 * refuses (wrong kind, undecodable, too large) fails the job with the reason; storage that is
 * unavailable (a full disk, S3 away) is retried like any transient failure.
 */
@Component
class OutputStore {

    private static final Logger log = LoggerFactory.getLogger(OutputStore.class);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final Assets assets;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    OutputStore(Assets assets) {
        this.assets = assets;
    }

    sealed interface Stored {
        record Assets(List<Asset> assets) implements Stored {
        }

        record Rejected(String code, String message) implements Stored {
        }

        record Unavailable(String message) implements Stored {
        }
    }

    Stored store(Generation g, List<ProviderOutput> outputs) {
        List<Asset> stored = new ArrayList<>();
        try {
            for (int i = 0; i < outputs.size(); i++) {
                NewAsset asset = NewAsset.generated(g.ownerId(), kindOf(g.kind()), name(g, i, outputs.get(i)));
                stored.add(store(asset, outputs.get(i)));
            }
            return new Stored.Assets(List.copyOf(stored));
        } catch (MediaRejected e) {
            delete(g.ownerId(), stored);
            return new Stored.Rejected("output_rejected", "The model's output was refused: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            delete(g.ownerId(), stored);
            log.warn("Could not store the outputs of generation {}", g.id(), e);
            return new Stored.Unavailable("Could not store the output: " + e.getMessage());
        } finally {
            discardFiles(outputs);
        }
    }

    private Asset store(NewAsset asset, ProviderOutput output) throws IOException {
        return switch (output) {
            case ProviderOutput.LocalFile file -> assets.store(asset, file.path());
            case ProviderOutput.Remote remote -> {
                try (InputStream body = download(remote.url())) {
                    yield assets.store(asset, body);
                }
            }
        };
    }

    private InputStream download(URI url) throws IOException {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IOException("refusing to fetch " + url.getScheme() + " URLs");
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(DOWNLOAD_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                response.body().close();
                throw new IOException("fetching the output answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the output", e);
        }
    }

    /** Deletes files a provider left on this machine (stored or not, they are not ours to keep). */
    void discardFiles(List<ProviderOutput> outputs) {
        if (outputs == null) {
            return;
        }
        for (ProviderOutput output : outputs) {
            if (output instanceof ProviderOutput.LocalFile file) {
                try {
                    Files.deleteIfExists(file.path());
                } catch (IOException e) {
                    log.warn("Could not delete provider file {}", file.path(), e);
                }
            }
        }
    }

    void delete(UUID ownerId, List<Asset> stored) {
        deleteAssets(ownerId, stored.stream().map(Asset::id).toList());
    }

    /** 409 {@code asset_in_use} naming the first of the owner's outputs that something still uses. */
    void requireNoneInUse(UUID ownerId, List<UUID> assetIds) {
        for (UUID id : assetIds) {
            if (assets.find(id).filter(asset -> asset.ownerId().equals(ownerId)).isPresent() && assets.inUse(id)) {
                throw ApiException.conflict("asset_in_use", "An output of this generation is still in use (by a "
                        + "project, for example); nothing was deleted").with("assetId", id);
            }
        }
    }

    /** Deletes the owner's outputs; one taken into use meanwhile stops it with 409 {@code asset_in_use}. */
    void deleteOutputs(UUID ownerId, List<UUID> assetIds) {
        for (UUID id : assetIds) {
            if (assets.find(id).filter(asset -> asset.ownerId().equals(ownerId)).isPresent()) {
                try {
                    assets.delete(id);
                } catch (ApiException e) {
                    if (e.status() != org.springframework.http.HttpStatus.NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
    }

    void deleteAssets(UUID ownerId, List<UUID> assetIds) {
        for (UUID id : assetIds) {
            try {
                assets.find(id).filter(asset -> asset.ownerId().equals(ownerId)).ifPresent(asset -> assets.delete(id));
            } catch (RuntimeException e) {
                log.warn("Could not delete output asset {}; retention will", id, e);
            }
        }
    }

    /** Input assets must be the caller's own; another user's id is the same 404 as a missing one. */
    List<Asset> requireOwnedInputs(UUID ownerId, List<UUID> inputs) {
        List<Asset> found = new ArrayList<>();
        for (UUID id : inputs) {
            found.add(assets.find(id).filter(asset -> asset.ownerId().equals(ownerId))
                    .orElseThrow(() -> ApiException.notFound("Input asset " + id)));
        }
        return found;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "GenerationOutput",
            requiredProperties = {"assetId", "url", "mediaType"})
    record OutputView(UUID assetId, String url, String thumbnailUrl, String mediaType, long bytes, Integer width,
            Integer height, Long durationMs, boolean hasAudio) {
    }

    List<OutputView> describe(UUID ownerId, List<UUID> assetIds) {
        List<OutputView> views = new ArrayList<>();
        for (UUID id : assetIds) {
            assets.find(id).filter(asset -> asset.ownerId().equals(ownerId)).ifPresent(asset -> views.add(view(asset)));
        }
        return views;
    }

    /** Outputs just stored (so not read again), in order. */
    List<OutputView> describe(List<Asset> stored) {
        return stored.stream().map(this::view).toList();
    }

    private OutputView view(Asset asset) {
        return new OutputView(asset.id(), assets.contentUrl(asset, false).toString(),
                assets.thumbnailUrl(asset).map(URI::toString).orElse(null), asset.mediaType(), asset.bytes(),
                asset.width(), asset.height(), asset.durationMs(), asset.hasAudio());
    }

    private static AssetKind kindOf(String generationKind) {
        return switch (generationKind) {
            case "image" -> AssetKind.IMAGE;
            case "video" -> AssetKind.VIDEO;
            default -> AssetKind.AUDIO; // music and speech
        };
    }

    private static final Pattern NOT_A_NAME = Pattern.compile("[^A-Za-z0-9]+");

    private static String name(Generation g, int index, ProviderOutput output) {
        String base = NOT_A_NAME.matcher(g.model()).replaceAll("-") + "-" + g.id().toString().substring(0, 8);
        return index == 0 ? base : base + "-" + (index + 1);
    }
}
