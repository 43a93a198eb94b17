package io.originwatch.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses for the probe's DNS phase. An empty list means "no addresses"
 * and is treated like {@link UnknownHostException}: the origin is unreachable.
 */
@FunctionalInterface
public interface Resolver {

    /** The system resolver ({@link InetAddress#getAllByName}). */
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
