package dev.atelier.studio;

/**
 * What every page's layout needs from the server: the CSRF token its script sends to the cookie
 * endpoints (masked anew for each response), and whether sign-up is open.
 */
public record Shell(String csrfToken, boolean signupEnabled) {
}
