package dev.atelier.stock.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stock-photo search and import. */
@RestController
@Tag(name = "stock")
class StockController {

    private static final int MAX_PAGE = 100;

    private final StockSearch search;
    private final StockImports imports;
    private final Cursors cursors;

    StockController(StockSearch search, StockImports imports, Cursors cursors) {
        this.search = search;
        this.imports = imports;
        this.cursors = cursors;
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/api/v1/stock/photos", produces = "application/json")
    @RequiresScope(Scope.LIBRARY_READ)
    @Operation(summary = "Search stock photos (Pexels, Unsplash)", operationId = "searchStockPhotos")
    @ApiResponse(responseCode = "200", description = "A page of photos with attribution")
    @ApiResponse(responseCode = "400", description = "No query", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "The source is rate limiting; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "502", description = "The source failed", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "No source configured", content = @Content(mediaType = "application/problem+json"))
    Page<StockPhoto> search(@RequestParam(required = false) String query, @RequestParam(required = false) String cursor) {
        if (query == null || query.isBlank() || query.length() > 200) {
            throw ApiException.badRequest("invalid_query", "query must be 1 to 200 characters");
        }
        String scope = "stock:" + query.strip();
        PageRequest page = cursors.request(scope, null, cursor);
        int number = page.first() ? 1 : (int) page.number(0);
        StockSearch.Found found = search.search(query, number);
        String next = found.hasMore() && number < MAX_PAGE
                ? cursors.page(scope, new PageRequest(1, List.of()), List.of(number + 1, number + 1), n -> List.of(n))
                        .nextCursor()
                : null;
        return new Page<>(found.photos(), next, next != null);
    }

    record ImportedView(UUID assetId, String source, String photoId, String photographer, String photographerUrl,
            String pageUrl, String attribution) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/api/v1/stock/photos/{source}/{id}/import", produces = "application/json")
    @RequiresScope(Scope.LIBRARY_WRITE)
    @Operation(summary = "Copy a stock photo into the library with its attribution", operationId = "importStockPhoto")
    @ApiResponse(responseCode = "201", description = "Imported; Location is the asset")
    @ApiResponse(responseCode = "404", description = "No such source or photo", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "The source is rate limiting", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "No source configured", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ImportedView> importPhoto(@AuthenticationPrincipal CurrentUser user, @PathVariable String source,
            @PathVariable String id) {
        if (id.length() > 100 || !id.matches("[A-Za-z0-9_-]+")) {
            throw ApiException.notFound("Stock photo");
        }
        StockImports.Imported imported = imports.importPhoto(user, source, id);
        StockPhoto photo = imported.photo();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/assets/" + imported.asset().id()))
                .body(new ImportedView(imported.asset().id(), photo.source(), photo.id(), photo.photographer(),
                        photo.photographerUrl(), photo.pageUrl(), photo.attribution()));
    }
}
