package dev.atelier.webhooks.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only name resolution webhook deliveries use. It resolves once and refuses the name if any
 * of its addresses is refused, and the HTTP client connects only to the addresses answered here:
 * the address checked is the address connected to, so a name cannot pass the check with one
 * address and then be connected at another (DNS rebinding), nor hide a private one among public ones.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** A delivery refused because of where it would have gone. */
    static final class AddressRefused extends UnknownHostException {
        AddressRefused(String host, InetAddress address) {
            super(host + " resolves to " + address.getHostAddress() + ", which webhooks may not reach");
        }
    }

    private final AddressPolicy policy;

    GuardedDnsResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(name);
        for (InetAddress address : addresses) {
            if (!policy.allows(address)) {
                throw new AddressRefused(host, address);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never used for connecting; no reverse lookups
    }
}
