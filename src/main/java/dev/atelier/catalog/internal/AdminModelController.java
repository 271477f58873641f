package dev.atelier.catalog.internal;

import dev.atelier.accounts.AdminOnly;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.ModelKind;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Filters;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins see every model and change price and availability. The price unit belongs to the model
 * (a per-second model counts its duration parameter) and cannot be changed here. Work already
 * submitted keeps the price it was quoted.
 */
@RestController
@AdminOnly
@Tag(name = "catalog")
class AdminModelController {

    private static final long MAX_PRICE = 1_000_000;

    private final Catalog catalog;
    private final Cursors cursors;

    AdminModelController(Catalog catalog, Cursors cursors) {
        this.catalog = catalog;
        this.cursors = cursors;
    }

    @Schema(name = "ModelPriceChange", description = "Whole credits from 1 to 1000000; absent leaves it as it is")
    record Price(@Schema(type = "integer", format = "int64", minimum = "1", maximum = "1000000") BigDecimal credits,
            @Schema(type = "integer", format = "int64", minimum = "1", maximum = "1000000") BigDecimal minimum) {
    }

    @Schema(name = "ModelChange", description = "What to change; absent fields stay as they are")
    record Change(Price price, Boolean enabled) {
    }

    @GetMapping("/api/v1/admin/models")
    @Operation(operationId = "adminListModels", summary = "List every model, switched off ones too")
    Page<ModelView> list(
            @Parameter(description = "Only models that make this", schema = @Schema(allowableValues = {
                    "image", "video", "music", "speech", "render"})) @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        ModelKind kindFilter = Filters.oneOf("kind", kind, ModelKind.class);
        String scope = "admin-models:" + kindFilter;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, catalog.page(true, kindFilter, page), model -> List.of(model.id()))
                .map(model -> ModelView.of(model, catalog.availability(model)));
    }

    @PutMapping("/api/v1/admin/models/{provider}/{name}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "adminChangeModel", summary = "Change a model's price or switch it on or off")
    @ApiResponse(responseCode = "400", description = "`nothing_to_change`, `invalid_price` (named in `field`), "
            + "or another malformed request")
    ModelView change(@AuthenticationPrincipal CurrentUser admin, @PathVariable String provider,
            @PathVariable String name, @RequestBody Change change) {
        Price price = change.price() == null ? new Price(null, null) : change.price();
        if (price.credits() == null && price.minimum() == null && change.enabled() == null) {
            throw ApiException.badRequest("nothing_to_change", "Send price.credits, price.minimum or enabled");
        }
        return view(catalog.change(provider + "/" + name, whole("price.credits", price.credits()),
                whole("price.minimum", price.minimum()), change.enabled(), admin.id()));
    }

    private ModelView view(dev.atelier.catalog.Model model) {
        return ModelView.of(model, catalog.availability(model));
    }

    private static Long whole(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
                || value.compareTo(BigDecimal.valueOf(MAX_PRICE)) > 0) {
            throw ApiException.badRequest("invalid_price",
                    field + " must be a whole number of credits from 1 to " + MAX_PRICE).with("field", field);
        }
        return value.longValueExact();
    }
}
