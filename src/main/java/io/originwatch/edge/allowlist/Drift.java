package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.cidr.AddressSets;
import java.math.BigInteger;
import java.util.List;

/**
 * How one allowlist differs from the published ranges.
 *
 * @param missing                published addresses the allowlist does not admit (minimal CIDR list)
 * @param extra                  admitted addresses outside every published range and outside ignore
 * @param missingIpv4Addresses   how many IPv4 addresses {@code missing} covers, for scale
 */
public record Drift(List<IPAddress> missing, List<IPAddress> extra, BigInteger missingIpv4Addresses) {

    public Drift {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
    }

    public boolean none() {
        return missing.isEmpty() && extra.isEmpty();
    }

    /** Computes drift; every argument may mix IPv4 and IPv6 blocks. */
    public static Drift between(List<IPAddress> published, List<IPAddress> allowlist, List<IPAddress> ignore) {
        List<IPAddress> missing = AddressSets.subtract(published, allowlist);
        List<IPAddress> notPublished = AddressSets.subtract(allowlist, published);
        List<IPAddress> extra = AddressSets.subtract(notPublished, ignore);
        return new Drift(missing, extra, AddressSets.ipv4Count(missing));
    }
}
