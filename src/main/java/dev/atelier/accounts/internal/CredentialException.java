package dev.atelier.accounts.internal;

import dev.atelier.platform.ApiException;
import org.springframework.http.HttpStatus;

/** A credential that does not authenticate: always 401, with a code that says why. */
class CredentialException extends ApiException {

    CredentialException(String code, String message) {
        super(HttpStatus.UNAUTHORIZED, code, message);
    }

    static CredentialException invalidToken() {
        return new CredentialException("invalid_token", "The access token is invalid or expired");
    }

    static CredentialException disabled() {
        return new CredentialException("account_disabled", "This account is disabled");
    }
}
