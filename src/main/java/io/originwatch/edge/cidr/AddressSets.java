package io.originwatch.edge.cidr;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Set algebra on lists of CIDR blocks of either family. Results are minimal CIDR lists: each family
 * is merged into disjoint, non-adjacent ranges first, so splitting every range into the fewest prefix
 * blocks gives the fewest blocks overall.
 */
public final class AddressSets {

    private AddressSets() {}

    /** The addresses in {@code from} and in none of {@code minus}, as a minimal CIDR list (IPv4 first). */
    public static List<IPAddress> subtract(List<IPAddress> from, List<IPAddress> minus) {
        List<IPAddress> out = new ArrayList<>(subtractFamily(from, minus, IPAddress::isIPv4));
        out.addAll(subtractFamily(from, minus, IPAddress::isIPv6));
        return out;
    }

    /** The union as a minimal CIDR list (IPv4 first). */
    public static List<IPAddress> union(List<IPAddress> blocks) {
        List<IPAddress> out = new ArrayList<>(
                Cidrs.minimal(blocks.stream().filter(IPAddress::isIPv4).toList()));
        out.addAll(Cidrs.minimal(blocks.stream().filter(IPAddress::isIPv6).toList()));
        return out;
    }

    /** Number of IPv4 addresses the blocks cover (overlaps counted once). */
    public static BigInteger ipv4Count(List<IPAddress> blocks) {
        return Cidrs.addressCount(blocks.stream().filter(IPAddress::isIPv4).toList());
    }

    private static List<IPAddress> subtractFamily(
            List<IPAddress> from, List<IPAddress> minus, Predicate<IPAddress> family) {
        List<IPAddress> f = from.stream().filter(family).toList();
        if (f.isEmpty()) {
            return List.of();
        }
        List<IPAddressSeqRange> remaining = Cidrs.union(f);
        for (IPAddressSeqRange cut : Cidrs.union(minus.stream().filter(family).toList())) {
            List<IPAddressSeqRange> next = new ArrayList<>();
            for (IPAddressSeqRange r : remaining) {
                IPAddressSeqRange[] parts = r.subtract(cut);
                if (parts != null) {
                    next.addAll(List.of(parts));
                }
            }
            remaining = next;
        }
        return Cidrs.toPrefixBlocks(remaining);
    }
}
