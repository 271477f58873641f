package dev.atelier.media.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
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
import dev.atelier.platform.Filters;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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
@Tag(name = "media", description = "The library: uploads, assets, storage")
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
    @Operation(operationId = "listAssets", summary = "The caller's library, newest first, with filters")
    Page<AssetView> list(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Only assets of this kind", schema = @Schema(allowableValues = {
                    "image", "video", "audio"})) @RequestParam(required = false) String kind,
            @Parameter(description = "Only assets that came from here", schema = @Schema(allowableValues = {
                    "upload", "generation", "render"})) @RequestParam(required = false) String origin,
            @Parameter(description = "Only assets whose name contains these characters (any case)",
                    schema = @Schema(maxLength = 200))
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        AssetKind kindFilter = Filters.oneOf("kind", kind, AssetKind.class);
        AssetOrigin originFilter = Filters.oneOf("origin", origin, AssetOrigin.class);
        String words = q == null || q.isBlank() ? null : q.strip();
        String scope = "assets:" + user.id() + ":" + kindFilter + ":" + originFilter + ":" + words;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, rows.list(user.id(), kindFilter, originFilter, words, page),
                        asset -> List.of(asset.createdAt(), asset.id()))
                .map(views::of);
    }

    @GetMapping("/assets/{id}")
    @RequiresScope(Scope.LIBRARY_READ)
    @Operation(operationId = "getAsset", summary = "Show one asset with fresh signed links")
    AssetView show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return views.of(owned(user, id));
    }

    @DeleteMapping("/assets/{id}")
    @RequiresScope(Scope.LIBRARY_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteAsset", summary = "Delete an asset and its files")
    @ApiResponse(responseCode = "409", description = "`asset_in_use`: something (e.g. a project) still uses it")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        assets.delete(owned(user, id).id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/assets/{id}/content")
    @RequiresScope(Scope.LIBRARY_READ)
    @ResponseStatus(HttpStatus.FOUND)
    @Operation(operationId = "getAssetContent", summary = "Redirect to a fresh signed link to the bytes")
    ResponseEntity<Void> content(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean download) {
        return redirect(assets.contentUrl(owned(user, id), download));
    }

    @GetMapping("/assets/{id}/thumbnail")
    @RequiresScope(Scope.LIBRARY_READ)
    @ResponseStatus(HttpStatus.FOUND)
    @Operation(operationId = "getAssetThumbnail", summary = "Redirect to a fresh signed link to the thumbnail")
    ResponseEntity<Void> thumbnail(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return redirect(assets.thumbnailUrl(owned(user, id))
                .orElseThrow(() -> ApiException.notFound("Thumbnail")));
    }

    @GetMapping("/storage")
    @RequiresScope(Scope.LIBRARY_READ)
    @Operation(operationId = "getStorage", summary = "How much of the caller's storage quota is used")
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
}
