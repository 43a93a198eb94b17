package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Probes of origins on one address keep one copy of it, and never another address's copy. */
class SharedAddressesTest {

    private static InetSocketAddress address(String host, byte last, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByAddress(host, new byte[] {127, 0, 0, last}), port);
    }

    @Test
    void theSameAddressAndPortShareOneCopy() throws Exception {
        InetSocketAddress first = SharedAddresses.of(address(null, (byte) 7, 8080));
        InetSocketAddress second = SharedAddresses.of(address(null, (byte) 7, 8080));
        assertThat(second).isSameAs(first);
    }

    @Test
    void anotherPortOrAnotherHostNameIsNotAnswered() throws Exception {
        InetSocketAddress plain = SharedAddresses.of(address(null, (byte) 9, 80));
        InetSocketAddress otherPort = SharedAddresses.of(address(null, (byte) 9, 443));
        assertThat(otherPort.getPort()).isEqualTo(443);
        InetSocketAddress named = SharedAddresses.of(address("origin.example", (byte) 9, 443));
        assertThat(named.getHostString()).isEqualTo("origin.example");
        InetSocketAddress unnamed = SharedAddresses.of(address(null, (byte) 9, 443));
        assertThat(unnamed.getHostString()).isEqualTo("127.0.0.9");
        assertThat(plain.getPort()).isEqualTo(80);
    }

    @Test
    void manyAddressesEachReadBackAsThemselves() throws Exception {
        for (int i = 0; i < SharedAddresses.SLOTS * 2; i++) {
            InetSocketAddress a = new InetSocketAddress(
                    InetAddress.getByAddress(new byte[] {10, (byte) (i >> 8), (byte) i, 1}), 1000 + i % 7);
            InetSocketAddress shared = SharedAddresses.of(a);
            assertThat(shared).isEqualTo(a);
            assertThat(shared.getHostString()).isEqualTo(a.getHostString());
        }
    }
}
