package dev.atelier.media.web;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Ownership;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.media.Asset;
import dev.atelier.media.AssetKind;
import dev.atelier.media.AssetOrigin;
import dev.atelier.media.Assets;
import dev.atelier.media.StorageUsage;
import dev.atelier.media.library.AssetRows;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's library: list, show, delete, and redirects to signed links for the bytes. */
@RestController
@RequestMapping("/api/v1")
class AssetController {

    private final Assets assets;
    private final AssetRows rows;
    private final Cursors cursors;
    private final AssetViews views;

    AssetController(Assets assets, AssetRows rows, Cursors cursors, AssetViews views) {
        this.assets = assets;
        this.rows = rows;
        this.cursors = cursors;
        this.views = views;
    }

    @GetMapping("/assets")
    @RequiresScope(Scope.LIBRARY_READ)
    Page<AssetView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String origin,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        AssetKind kindFilter = parse("kind", kind, AssetKind::of, AssetKind.values());
        AssetOrigin originFilter = parse("origin", origin, AssetOrigin::of, AssetOrigin.values());
        String scope = "assets:" + user.id() + ":" + kindFilter + ":" + originFilter;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, rows.list(user.id(), kindFilter, originFilter, page),
                        asset -> List.of(asset.createdAt(), asset.id()))
                .map(views::of);
    }

    @GetMapping("/assets/{id}")
    @RequiresScope(Scope.LIBRARY_READ)
    AssetView show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return views.of(owned(user, id));
    }

    @DeleteMapping("/assets/{id}")
    @RequiresScope(Scope.LIBRARY_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        assets.delete(owned(user, id).id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/assets/{id}/content")
    @RequiresScope(Scope.LIBRARY_READ)
    ResponseEntity<Void> content(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean download) {
        return redirect(assets.contentUrl(owned(user, id), download));
    }

    @GetMapping("/assets/{id}/thumbnail")
    @RequiresScope(Scope.LIBRARY_READ)
    ResponseEntity<Void> thumbnail(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return redirect(assets.thumbnailUrl(owned(user, id))
                .orElseThrow(() -> ApiException.notFound("Thumbnail")));
    }

    @GetMapping("/storage")
    @RequiresScope(Scope.LIBRARY_READ)
    StorageUsage storage(@AuthenticationPrincipal CurrentUser user) {
        return assets.usage(user.id());
    }

    private Asset owned(CurrentUser user, UUID id) {
        return Ownership.require(user, assets.find(id), "Asset");
    }

    private static ResponseEntity<Void> redirect(URI location) {
        // a fresh signature on every call: not for caches to keep
        return ResponseEntity.status(302).location(location).header("Cache-Control", "no-store").build();
    }

    private static <T extends Enum<T>> T parse(String name, String value, Function<String, T> parser, T[] values) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", name + " must be one of "
                    + Arrays.stream(values).map(v -> v.name().toLowerCase()).toList())
                    .with("parameter", name);
        }
    }
}
