package dev.atelier.accounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web pages' sign-in: the same sessions as {@link AuthController}, but the refresh token goes
 * into an HttpOnly cookie sent only to these endpoints, and the answer carries just the access
 * token, which the page keeps in memory. Every call needs the page's CSRF token (docs/studio.md).
 */
@RestController
@RequestMapping(value = BrowserCookies.SESSION_PATH, produces = "application/json")
@Tag(name = "accounts")
class BrowserSessionController {

    private static final String CSRF = "`csrf_token_invalid`: no or a wrong `X-CSRF-Token` header "
            + "(the token is in the page's `csrf-token` meta element)";

    private final Accounts accounts;
    private final ClientAddresses addresses;
    private final BrowserCookies cookies;

    BrowserSessionController(Accounts accounts, ClientAddresses addresses, BrowserCookies cookies) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.cookies = cookies;
    }

    @Schema(requiredProperties = {"user", "accessToken", "tokenType"})
    record BrowserSession(UserView user, String accessToken,
            @Schema(description = "Seconds the access token is valid") long expiresIn,
            @Schema(allowableValues = "Bearer") String tokenType) {
        static BrowserSession of(Accounts.Session session) {
            return new BrowserSession(UserView.of(session.user()), session.access().token(),
                    session.access().expiresInSeconds(), "Bearer");
        }
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "signUpBrowser", summary = "Create an account and sign a web page in",
            description = "Like `signUp`, but the refresh token is set as the HttpOnly cookie `atelier_refresh` "
                    + "(path `/api/v1/auth/session`, SameSite=Strict) instead of being answered.")
    @Parameter(name = BrowserCookies.CSRF_HEADER, in = ParameterIn.HEADER, required = true,
            schema = @Schema(type = "string", maxLength = 200))
    @ApiResponse(responseCode = "403", description = CSRF + "; `signup_disabled`")
    @ApiResponse(responseCode = "409", description = "`email_taken`: an account with this email exists")
    @ApiResponse(responseCode = "429", description = "`too_many_signups`: wait `Retry-After` seconds")
    ResponseEntity<BrowserSession> signUp(@Valid @RequestBody AuthController.SignUp body, HttpServletRequest request) {
        Accounts.Session session = accounts.signUp(body.email(), body.password(), body.name(), addresses.of(request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.SET_COOKIE, cookies.refresh(request, session.refreshToken()).toString(),
                        cookies.hint(request).toString())
                .body(BrowserSession.of(session));
    }

    @PostMapping("/login")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "logInBrowser", summary = "Sign a web page in with email and password",
            description = "Like `logIn`, but the refresh token is set as the HttpOnly cookie `atelier_refresh`.")
    @Parameter(name = BrowserCookies.CSRF_HEADER, in = ParameterIn.HEADER, required = true,
            schema = @Schema(type = "string", maxLength = 200))
    @ApiResponse(responseCode = "401", description = "`invalid_credentials`, `account_disabled`")
    @ApiResponse(responseCode = "403", description = CSRF)
    @ApiResponse(responseCode = "429", description = "`too_many_attempts`: wait `Retry-After` seconds")
    ResponseEntity<BrowserSession> logIn(@Valid @RequestBody AuthController.LogIn body, HttpServletRequest request) {
        Accounts.Session session = accounts.logIn(body.email(), body.password(), addresses.of(request));
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.refresh(request, session.refreshToken()).toString(),
                        cookies.hint(request).toString())
                .body(BrowserSession.of(session));
    }

    @PostMapping("/refresh")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "refreshBrowser", summary = "A new access token for a web page, from its cookie",
            description = "Rotates the `atelier_refresh` cookie. Pages that load at once send the same cookie: "
                    + "a cookie rotated less than 20 s ago answers an access token for its session and leaves "
                    + "the cookie alone; after that, a reused cookie revokes the session as with `refreshTokens`.")
    @Parameter(name = BrowserCookies.CSRF_HEADER, in = ParameterIn.HEADER, required = true,
            schema = @Schema(type = "string", maxLength = 200))
    @Parameter(name = BrowserCookies.REFRESH, in = ParameterIn.COOKIE, required = false,
            schema = @Schema(type = "string", maxLength = 200))
    @ApiResponse(responseCode = "401", description = "`no_session`: no cookie (not signed in); "
            + "`invalid_refresh_token`, `refresh_token_reused`, `refresh_token_expired`, `account_disabled`")
    @ApiResponse(responseCode = "403", description = CSRF)
    ResponseEntity<BrowserSession> refresh(HttpServletRequest request) {
        String token = BrowserCookies.read(request, BrowserCookies.REFRESH).orElseThrow(() ->
                new CredentialException("no_session", "Not signed in")
                        .header(HttpHeaders.SET_COOKIE, cookies.clearHint(request).toString()));
        Accounts.Session session;
        try {
            session = accounts.refresh(token, BrowserCookies.REUSE_GRACE);
        } catch (CredentialException refused) {
            // a cookie that will never work again is cleared, so the page stops sending it
            throw new CredentialException(refused.code(), refused.getMessage())
                    .header(HttpHeaders.SET_COOKIE, cookies.clearRefresh(request).toString())
                    .header(HttpHeaders.SET_COOKIE, cookies.clearHint(request).toString());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (session.refreshToken() != null) {
            answer.header(HttpHeaders.SET_COOKIE, cookies.refresh(request, session.refreshToken()).toString(),
                    cookies.hint(request).toString());
        }
        return answer.body(BrowserSession.of(session));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "logOutBrowser", summary = "End a web page's session and clear its cookie")
    @Parameter(name = BrowserCookies.CSRF_HEADER, in = ParameterIn.HEADER, required = true,
            schema = @Schema(type = "string", maxLength = 200))
    @Parameter(name = BrowserCookies.REFRESH, in = ParameterIn.COOKIE, required = false,
            schema = @Schema(type = "string", maxLength = 200))
    @ApiResponse(responseCode = "403", description = CSRF)
    ResponseEntity<Void> logOut(HttpServletRequest request) {
        BrowserCookies.read(request, BrowserCookies.REFRESH).ifPresent(accounts::logOut);
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.clearRefresh(request).toString(),
                        cookies.clearHint(request).toString()).build();
    }
}
