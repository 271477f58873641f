package dev.atelier.accounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.ResponseStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "accounts", description = "Sign-up, sign-in, tokens, API keys and users")
class AuthController {

    private final Accounts accounts;
    private final ClientAddresses addresses;

    AuthController(Accounts accounts, ClientAddresses addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
    }

    record SignUp(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 100) String name) {
        SignUp {
            email = email == null ? null : email.strip();
        }
    }

    record LogIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
        LogIn {
            email = email == null ? null : email.strip();
        }
    }

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Schema(requiredProperties = {"user", "accessToken", "refreshToken", "tokenType"})
    record TokenPair(UserView user, String accessToken, String refreshToken,
            @Schema(description = "Seconds the access token is valid") long expiresIn,
            @Schema(allowableValues = "Bearer") String tokenType) {
        static TokenPair of(Accounts.Session session) {
            return new TokenPair(UserView.of(session.user()), session.access().token(), session.refreshToken(),
                    session.access().expiresInSeconds(), "Bearer");
        }
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "signUp", summary = "Create an account and sign in")
    @ApiResponse(responseCode = "409", description = "`email_taken`: an account with this email exists")
    @ApiResponse(responseCode = "403", description = "`signup_disabled`: sign-up is switched off on this server")
    @ApiResponse(responseCode = "429", description = "`too_many_signups`: too many accounts from this address; wait `Retry-After` seconds")
    ResponseEntity<TokenPair> signUp(@Valid @RequestBody SignUp body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(TokenPair.of(accounts.signUp(body.email(), body.password(), body.name(), addresses.of(request))));
    }

    @PostMapping("/login")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "logIn", summary = "Sign in with email and password")
    @ApiResponse(responseCode = "401", description = "`invalid_credentials`: wrong email or password; "
            + "`account_disabled`")
    @ApiResponse(responseCode = "429", description = "`too_many_attempts`: wait `Retry-After` seconds")
    TokenPair logIn(@Valid @RequestBody LogIn body, HttpServletRequest request) {
        return TokenPair.of(accounts.logIn(body.email(), body.password(), addresses.of(request)));
    }

    @PostMapping("/refresh")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "refreshTokens", summary = "Swap a refresh token for a new pair",
            description = "Refresh tokens rotate: each works once. Using one twice revokes the whole session.")
    @ApiResponse(responseCode = "401", description = "`invalid_refresh_token`, `refresh_token_reused` "
            + "(the session is now revoked), `refresh_token_expired`, `account_disabled`")
    TokenPair refresh(@Valid @RequestBody Refresh body) {
        return TokenPair.of(accounts.refresh(body.refreshToken()));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "logOut", summary = "End the session of a refresh token")
    ResponseEntity<Void> logOut(@Valid @RequestBody Refresh body) {
        accounts.logOut(body.refreshToken());
        return ResponseEntity.noContent().build();
    }
}
