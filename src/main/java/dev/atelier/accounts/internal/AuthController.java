package dev.atelier.accounts.internal;

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

    record TokenPair(UserView user, String accessToken, String refreshToken, long expiresIn, String tokenType) {
        static TokenPair of(Accounts.Session session) {
            return new TokenPair(UserView.of(session.user()), session.access().token(), session.refreshToken(),
                    session.access().expiresInSeconds(), "Bearer");
        }
    }

    @PostMapping("/signup")
    ResponseEntity<TokenPair> signUp(@Valid @RequestBody SignUp body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(TokenPair.of(accounts.signUp(body.email(), body.password(), body.name(), addresses.of(request))));
    }

    @PostMapping("/login")
    TokenPair logIn(@Valid @RequestBody LogIn body, HttpServletRequest request) {
        return TokenPair.of(accounts.logIn(body.email(), body.password(), addresses.of(request)));
    }

    @PostMapping("/refresh")
    TokenPair refresh(@Valid @RequestBody Refresh body) {
        return TokenPair.of(accounts.refresh(body.refreshToken()));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logOut(@Valid @RequestBody Refresh body) {
        accounts.logOut(body.refreshToken());
        return ResponseEntity.noContent().build();
    }
}
