package dev.atelier.webhooks.internal;

import dev.atelier.platform.ApiException;
import dev.atelier.webhooks.WebhooksProperties;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which endpoint URLs are accepted: absolute {@code https} (or {@code http} when configured), with
 * a host, without user info, at most 2,000 characters, and not an address literal that deliveries
 * may not reach. Names are judged when a delivery resolves them ({@link GuardedDnsResolver}): what
 * a name resolves to today says nothing about tomorrow.
 */
@Component
class WebhookUrls {

    static final int MAX_LENGTH = 2000;

    private final WebhooksProperties properties;
    private final AddressPolicy policy;

    WebhookUrls(WebhooksProperties properties) {
        this.properties = properties;
        this.policy = new AddressPolicy(properties.allowPrivateAddresses());
    }

    /** The URL, or 400 {@code invalid_webhook_url} saying why not. */
    String require(String url) {
        String trimmed = url.strip();
        refusal(trimmed).ifPresent(reason -> {
            throw ApiException.badRequest("invalid_webhook_url", reason);
        });
        return trimmed;
    }

    /** Why a delivery to {@code url} is refused, if it is. */
    Optional<String> refusal(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("The URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("The URL is not valid: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && !properties.requireHttps())) {
            return Optional.of(properties.requireHttps() ? "insecure_url: the URL must start with https://"
                    : "The URL must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("The URL needs a host and may not carry a user name or password");
        }
        String host = uri.getHost();
        if (AddressPolicy.isIpLiteral(host.replace("[", "").replace("]", ""))) {
            try {
                if (!policy.allows(InetAddress.getByName(host.replace("[", "").replace("]", "")))) {
                    return Optional.of("address_refused: " + host + " is a private, loopback, link-local or"
                            + " reserved address");
                }
            } catch (UnknownHostException e) {
                return Optional.of("The URL's address is not valid");
            }
        }
        return Optional.empty();
    }
}
