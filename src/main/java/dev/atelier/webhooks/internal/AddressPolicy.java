package dev.atelier.webhooks.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a webhook may be delivered to: by default only public unicast ones. Refused:
 * unspecified, loopback, private (RFC 1918, unique-local fc00::/7), link-local (169.254/16, which
 * holds most clouds' metadata service, and fe80::/10), CGNAT (100.64/10), multicast, broadcast
 * and reserved ranges, documentation and benchmark ranges, and known metadata addresses outside
 * those (Azure's 168.63.129.16). IPv6 forms that carry an IPv4 address (mapped, compatible,
 * NAT64, 6to4) are judged by that IPv4 address.
 */
final class AddressPolicy {

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Range> REFUSED = List.of(
            range("0.0.0.0", 8), range("10.0.0.0", 8), range("100.64.0.0", 10), range("127.0.0.0", 8),
            range("169.254.0.0", 16), range("172.16.0.0", 12), range("192.0.0.0", 24), range("192.0.2.0", 24),
            range("192.88.99.0", 24), range("192.168.0.0", 16), range("198.18.0.0", 15),
            range("198.51.100.0", 24), range("203.0.113.0", 24), range("224.0.0.0", 4), range("240.0.0.0", 4),
            range("168.63.129.16", 32),
            range("::", 128), range("::1", 128), range("100::", 64), range("2001:db8::", 32),
            range("fc00::", 7), range("fe80::", 10), range("fec0::", 10), range("ff00::", 8));

    private final boolean allowPrivate;

    AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    boolean allows(InetAddress address) {
        return allowPrivate || isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = embeddedIpv4(address.getAddress());
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        for (Range range : REFUSED) {
            if (range.contains(bytes)) {
                return false;
            }
        }
        return true;
    }

    /** The IPv4 address inside an IPv6 one that carries it; otherwise the address itself. */
    private static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return a;
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= a[i] == 0;
        }
        boolean mapped = firstTenZero && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        boolean compatible = firstTenZero && a[10] == 0 && a[11] == 0 && (a[12] | a[13] | a[14]) != 0;
        boolean nat64 = a[0] == 0x00 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b;
        if (mapped || compatible || nat64) {
            return new byte[] {a[12], a[13], a[14], a[15]};
        }
        if (a[0] == 0x20 && a[1] == 0x02) { // 6to4: 2002:AABB:CCDD::/48
            return new byte[] {a[2], a[3], a[4], a[5]};
        }
        return a;
    }

    private static Range range(String network, int bits) {
        try {
            return new Range(InetAddress.getByName(network).getAddress(), bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(network, e);
        }
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
