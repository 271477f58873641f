package dev.atelier.studio.internal;

import dev.atelier.accounts.AccountsProperties;
import dev.atelier.studio.Shell;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every studio page (this module's controllers, the editor's too) its {@link Shell}. */
@ControllerAdvice(basePackages = "dev.atelier.studio")
class ShellAdvice {

    private final AccountsProperties accounts;

    ShellAdvice(AccountsProperties accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        // reading the token makes the security chain set its cookie (when the browser has none yet)
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Shell(token == null ? "" : token.getToken(), accounts.signupEnabled());
    }
}
