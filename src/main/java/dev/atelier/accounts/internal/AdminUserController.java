package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountDisabled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import dev.atelier.accounts.AdminOnly;
import org.springframework.context.ApplicationEventPublisher;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Role;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@AdminOnly
@Tag(name = "accounts")
class AdminUserController {

    private final Users users;
    private final Cursors cursors;
    private final ApplicationEventPublisher events;

    AdminUserController(Users users, Cursors cursors, ApplicationEventPublisher events) {
        this.users = users;
        this.cursors = cursors;
        this.events = events;
    }

    @Schema(name = "UserChange", description = "What to change; absent fields stay as they are")
    record Change(@Schema(allowableValues = {"user", "admin"}) @Pattern(regexp = "user|admin") String role,
            Boolean disabled) {
    }

    @GetMapping
    @Operation(operationId = "adminListUsers", summary = "List users, optionally by email")
    Page<UserView> list(@Parameter(description = "Only the user with this email", schema = @Schema(maxLength = 254))
            @RequestParam(required = false) @Size(max = 254) String email,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        String scope = "admin-users:" + (email == null ? "" : Users.normalize(email));
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, users.page(email, page), user -> List.of(user.createdAt(), user.id()))
                .map(UserView::of);
    }

    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "adminChangeUser", summary = "Change a user's role or disable the account")
    @ApiResponse(responseCode = "409", description = "`cannot_demote_self`: an admin cannot disable or demote "
            + "their own account")
    UserView change(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @Valid @RequestBody Change body) {
        UserRow user = users.byId(id).orElseThrow(() -> ApiException.notFound("User"));
        Role role = body.role() == null ? user.role() : Role.of(body.role());
        boolean disabled = body.disabled() == null ? user.disabled() : body.disabled();
        if (id.equals(admin.id()) && (disabled || role != Role.ADMIN)) {
            throw ApiException.conflict("cannot_demote_self", "An admin cannot disable or demote their own account");
        }
        users.update(id, role, disabled);
        if (disabled && !user.disabled()) {
            events.publishEvent(new AccountDisabled(id));
        }
        return users.byId(id).map(UserView::of).orElseThrow();
    }
}
