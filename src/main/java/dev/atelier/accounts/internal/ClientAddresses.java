package dev.atelier.accounts.internal;

import dev.atelier.platform.PlatformProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The client's address, for the sign-in and sign-up throttles. The connection's peer is the client
 * unless it is one of {@code atelier.trusted-proxies}; then the forwarding headers ({@code Forwarded}
 * first, else {@code X-Forwarded-For}) are read from the right, skipping trusted proxies, and the
 * first address not trusted is the client. Headers from anyone else are ignored (anyone can send
 * them), and only literal addresses are accepted: nothing here ever asks DNS.
 */
@Component
class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Range> trusted;

    @Autowired
    ClientAddresses(PlatformProperties properties) {
        this(properties.trustedProxies());
    }

    ClientAddresses(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("Forwarded")),
                Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    String of(String peer, List<String> forwarded, List<String> xForwardedFor) {
        if (trusted.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> chain = forwarded.isEmpty() ? xForwardedFor(xForwardedFor) : forwardedFor(forwarded);
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress address = literal(chain.get(i));
            if (address == null) {
                return peer; // an unreadable hop: believe nothing left of it
            }
            if (!trusted(address)) {
                return address.getHostAddress();
            }
        }
        return peer;
    }

    /**
     * Whether a trusted proxy in front says the client spoke HTTPS to it: the last hop's
     * {@code Forwarded: proto=} (else {@code X-Forwarded-Proto}). Anyone else's say is ignored.
     */
    boolean forwardedHttps(HttpServletRequest request) {
        if (trusted.isEmpty() || !trusted(request.getRemoteAddr())) {
            return false;
        }
        String proto = null;
        for (String header : Collections.list(request.getHeaders("Forwarded"))) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("proto")) {
                        proto = pair.substring(equals + 1).strip();
                    }
                }
            }
        }
        if (proto == null) {
            for (String header : Collections.list(request.getHeaders("X-Forwarded-Proto"))) {
                for (String hop : header.split(",")) {
                    proto = hop.strip();
                }
            }
        }
        return "https".equalsIgnoreCase(proto);
    }

    private boolean trusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && trusted(parsed);
    }

    private boolean trusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> xForwardedFor(List<String> headers) {
        List<String> chain = new ArrayList<>();
        headers.forEach(header -> {
            for (String hop : header.split(",")) {
                chain.add(hop.strip());
            }
        });
        return chain;
    }

    /** RFC 7239: {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}. */
    private static List<String> forwardedFor(List<String> headers) {
        List<String> chain = new ArrayList<>();
        headers.forEach(header -> {
            for (String element : header.split(",")) {
                String hop = "";
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        hop = pair.substring(equals + 1).strip();
                    }
                }
                chain.add(hop);
            }
        });
        return chain;
    }

    /** A literal IPv4 or IPv6 address (quotes, brackets and a port taken off), or null. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close > 0 ? value.substring(1, close) : "";
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with a port
        }
        if (!IPV4.matcher(value).matches() && !(value.contains(":") && IPV6.matcher(value).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(value); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR range. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("atelier.trusted-proxies: not an address or CIDR range: " + text);
            }
            byte[] bytes = address.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("atelier.trusted-proxies: bad prefix length in " + text);
            }
            return new Range(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
