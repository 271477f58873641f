package dev.atelier.accounts.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.accounts.SignedInOnly;
import dev.atelier.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
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

    @GetMapping("/api/v1/me")
    @RequiresScope(Scope.ACCOUNT_READ)
    UserView me(@AuthenticationPrincipal CurrentUser user) {
        return users.byId(user.id()).map(UserView::of).orElseThrow(() -> ApiException.notFound("User"));
    }

    /** Ends every session of the account (their access tokens stop working at once) and starts a new one. */
    @PostMapping("/api/v1/me/password")
    @SignedInOnly
    AuthController.TokenPair changePassword(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody PasswordChange body, HttpServletRequest request) {
        return AuthController.TokenPair.of(accounts.changePassword(user.id(), body.currentPassword(),
                body.newPassword(), addresses.of(request)));
    }
}
