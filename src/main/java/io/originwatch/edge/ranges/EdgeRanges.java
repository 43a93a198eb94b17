package io.originwatch.edge.ranges;

import inet.ipaddr.IPAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One good, validated list of a provider's ranges.
 *
 * @param source    where it came from: the URL(s), {@code cache:<file>} or {@code snapshot:<date>}
 * @param fetchedAt when it was fetched from the provider (for a snapshot: the snapshot's date)
 * @param etag      the list's version marker (HTTP ETag, Cloudflare etag or CloudFront syncToken), or null
 */
public record EdgeRanges(
        String provider, String source, Instant fetchedAt, String etag, List<IPAddress> ipv4, List<IPAddress> ipv6) {

    /** Address order, then shorter prefix first (ipaddress's natural order compares sizes first). */
    public static final Comparator<IPAddress> BY_ADDRESS =
            Comparator.comparing(IPAddress::getValue).thenComparing(IPAddress::getNetworkPrefixLength);

    public EdgeRanges {
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
    }

    /** Builds from validated blocks of both families, sorted and de-duplicated. */
    public static EdgeRanges of(
            String provider, String source, Instant fetchedAt, String etag, List<IPAddress> blocks) {
        List<IPAddress> v4 = blocks.stream()
                .filter(IPAddress::isIPv4)
                .distinct()
                .sorted(BY_ADDRESS)
                .toList();
        List<IPAddress> v6 = blocks.stream()
                .filter(IPAddress::isIPv6)
                .distinct()
                .sorted(BY_ADDRESS)
                .toList();
        return new EdgeRanges(provider, source, fetchedAt, etag, v4, v6);
    }

    public List<IPAddress> all() {
        List<IPAddress> all = new ArrayList<>(ipv4);
        all.addAll(ipv6);
        return all;
    }

    public boolean isSnapshot() {
        return source.startsWith("snapshot:");
    }

    public EdgeRanges withSource(String newSource) {
        return new EdgeRanges(provider, newSource, fetchedAt, etag, ipv4, ipv6);
    }
}
