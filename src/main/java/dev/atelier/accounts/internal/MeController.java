package dev.atelier.accounts.internal;

import org.springframework.http.HttpStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.accounts.SignedInOnly;
import dev.atelier.platform.ApiException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accounts")
class MeController {

    private final Users users;
    private final Accounts accounts;
    private final ClientAddresses addresses;

    MeController(Users users, Accounts accounts, ClientAddresses addresses) {
        this.users = users;
        this.accounts = accounts;
        this.addresses = addresses;
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(min = 10, max = 128) String newPassword) {
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/api/v1/me", produces = "application/json")
    @RequiresScope(Scope.ACCOUNT_READ)
    @Operation(summary = "The caller's own profile", operationId = "getMe")
    @ApiResponse(responseCode = "200", description = "The profile")
    @ApiResponse(responseCode = "401", description = "No or a bad credential",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An API key without account:read",
            content = @Content(mediaType = "application/problem+json"))
    UserView me(@AuthenticationPrincipal CurrentUser user) {
        return users.byId(user.id()).map(UserView::of).orElseThrow(() -> ApiException.notFound("User"));
    }

    /** Ends every session of the account (their access tokens stop working at once) and starts a new one. */
    @ResponseStatus(HttpStatus.OK)
    @PostMapping(path = "/api/v1/me/password", produces = "application/json")
    @SignedInOnly
    @Operation(summary = "Change the password; every session ends and a new one starts", operationId = "changePassword")
    @ApiResponse(responseCode = "200", description = "The new session's tokens")
    @ApiResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "Not signed in, or the current password is wrong",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An API key (a signed-in person must do this)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Too many wrong passwords",
            content = @Content(mediaType = "application/problem+json"))
    AuthController.TokenPair changePassword(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody PasswordChange body, HttpServletRequest request) {
        return AuthController.TokenPair.of(accounts.changePassword(user.id(), body.currentPassword(),
                body.newPassword(), addresses.of(request)));
    }
}
