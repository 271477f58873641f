package dev.atelier.accounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.platform.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accounts")
class MeController {

    private final Users users;

    MeController(Users users) {
        this.users = users;
    }

    @GetMapping("/api/v1/me")
    @Operation(operationId = "getMe", summary = "The signed-in user")
    UserView me(@AuthenticationPrincipal CurrentUser user) {
        return users.byId(user.id()).map(UserView::of).orElseThrow(() -> ApiException.notFound("User"));
    }
}
