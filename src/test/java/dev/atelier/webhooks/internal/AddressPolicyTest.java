package dev.atelier.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private final AddressPolicy policy = new AddressPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.100.100.200", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.192", "168.63.129.16",
            "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "::127.0.0.1"})
    void refusesLoopbackPrivateLinkLocalMulticastCgnatAndMetadata(String address) throws Exception {
        assertThat(policy.allows(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(policy.allows(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void configurationCanAllowPrivateAddresses() throws Exception {
        assertThat(new AddressPolicy(true).allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedByTheResolver() {
        GuardedDnsResolver resolver = new GuardedDnsResolver(policy);
        assertThatThrownBy(() -> resolver.resolve("localhost"))
                .isInstanceOf(GuardedDnsResolver.AddressRefused.class)
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("localhost resolves to");
        assertThatThrownBy(() -> resolver.resolve("127.0.0.1")).isInstanceOf(GuardedDnsResolver.AddressRefused.class);
        assertThatThrownBy(() -> resolver.resolve("[::1]")).isInstanceOf(GuardedDnsResolver.AddressRefused.class);
    }
}
