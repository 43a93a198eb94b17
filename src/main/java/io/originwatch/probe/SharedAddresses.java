package io.originwatch.probe;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One copy of each address probes connect to. Every origin keeps its latest result and the address
 * it connected to (about 90 bytes with its {@code InetAddress}), and a fleet has far fewer origin
 * addresses than origins: many hostnames are served by the same few origin IPs. A direct-mapped
 * table of {@value #SLOTS} slots: a hit returns the copy already there, a miss keeps the new one.
 * The slots are an {@link AtomicReferenceArray}, so an address put there by one probe's thread is
 * seen whole by another's.
 */
final class SharedAddresses {

    static final int SLOTS = 1024;

    private static final AtomicReferenceArray<InetSocketAddress> TABLE = new AtomicReferenceArray<>(SLOTS);

    private SharedAddresses() {}

    /** The shared copy of {@code address}: equal, with the same host string (no lookup is made for it). */
    static InetSocketAddress of(InetSocketAddress address) {
        int hash = address.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        InetSocketAddress cached = TABLE.get(slot);
        if (cached != null && cached.equals(address) && cached.getHostString().equals(address.getHostString())) {
            return cached;
        }
        TABLE.set(slot, address);
        return address;
    }
}
