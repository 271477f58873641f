package dev.atelier.accounts.internal;

import java.util.List;

/** Opens {@link ClientAddresses} to tests outside its package. */
public final class ClientAddressesProbe {

    private final ClientAddresses addresses;

    public ClientAddressesProbe(List<String> trustedProxies) {
        this.addresses = new ClientAddresses(trustedProxies);
    }

    public String of(String peer, List<String> forwarded, List<String> xForwardedFor) {
        return addresses.of(peer, forwarded, xForwardedFor);
    }
}
