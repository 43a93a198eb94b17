package io.originwatch.edge.cidr;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Strict CIDR parsing and the few set operations the edge code needs. */
public final class Cidrs {

    /** Only digits, hex, dots, colons and one optional /prefix: no wildcards, ranges or zones. */
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

    /** Standard notation only: ipaddress otherwise accepts inet_aton forms like "10.1" or "0x0a000001". */
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .allowWildcardedSeparator(false)
            .getIPv4AddressParametersBuilder()
            .allow_inet_aton(false)
            .allowLeadingZeros(false)
            .allowUnlimitedLeadingZeros(false)
            .getParentBuilder()
            .toParams();

    /** Ranges a CDN never publishes: a list holding one is corrupt or not the CDN's. */
    private static final List<IPAddress> RESERVED = List.of(
            parseOrThrow("0.0.0.0/8"),
            parseOrThrow("10.0.0.0/8"),
            parseOrThrow("127.0.0.0/8"),
            parseOrThrow("169.254.0.0/16"),
            parseOrThrow("172.16.0.0/12"),
            parseOrThrow("192.168.0.0/16"),
            parseOrThrow("::/128"),
            parseOrThrow("::1/128"),
            parseOrThrow("fc00::/7"),
            parseOrThrow("fe80::/10"));

    private Cidrs() {}

    /**
     * Parses one CIDR or bare address (as a /32 or /128) in standard notation.
     *
     * @param requireNoHostBits if true, "10.1.2.3/24" is an error; if false it becomes 10.1.2.0/24
     *                          (nginx and iptables do the same with a warning)
     */
    public static IPAddress parse(String text, boolean requireNoHostBits) throws IllegalArgumentException {
        String t = text.strip();
        if (!SHAPE.matcher(t).matches()) {
            throw new IllegalArgumentException("not a CIDR: '" + excerpt(t) + "'");
        }
        IPAddress a;
        try {
            a = new IPAddressString(t, STRICT).toAddress();
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("not a CIDR: '" + excerpt(t) + "' (" + e.getMessage() + ")");
        }
        if (a.getNetworkPrefixLength() == null) {
            return a.toPrefixBlock(a.getBitCount());
        }
        IPAddress block = a.toPrefixBlock();
        if (requireNoHostBits && !block.getLower().equals(a.getLower())) {
            throw new IllegalArgumentException("host bits set in '" + t + "' (network is " + block + ")");
        }
        return block;
    }

    /** Like {@link #parse(String, boolean)} but for strings the caller wrote: fails loudly. */
    public static IPAddress parseOrThrow(String text) {
        return parse(text, true);
    }

    /** The reserved range (private, loopback, link-local, unspecified) the block overlaps, if any. */
    public static Optional<IPAddress> reservedOverlap(IPAddress block) {
        IPAddressSeqRange r = block.toSequentialRange();
        return RESERVED.stream()
                .filter(res -> res.getIPVersion() == block.getIPVersion())
                .filter(res -> r.overlaps(res.toSequentialRange()))
                .findFirst();
    }

    /** Merges the blocks of one family into disjoint, non-adjacent ranges sorted by address. */
    static List<IPAddressSeqRange> union(List<IPAddress> blocks) {
        IPAddressSeqRange[] ranges =
                blocks.stream().map(IPAddress::toSequentialRange).toArray(IPAddressSeqRange[]::new);
        List<IPAddressSeqRange> joined = new ArrayList<>(List.of(IPAddressSeqRange.join(ranges)));
        joined.sort(Comparator.comparing(IPAddressSeqRange::getValue));
        return joined;
    }

    /** The minimal CIDR list covering exactly the given disjoint, non-adjacent ranges. */
    static List<IPAddress> toPrefixBlocks(List<IPAddressSeqRange> ranges) {
        List<IPAddress> out = new ArrayList<>();
        for (IPAddressSeqRange r : ranges) {
            out.addAll(List.of(r.spanWithPrefixBlocks()));
        }
        return out;
    }

    /** The minimal CIDR list covering the union of the blocks (one family). */
    public static List<IPAddress> minimal(List<IPAddress> blocks) {
        return toPrefixBlocks(union(blocks));
    }

    /** Number of addresses the union of the blocks covers. */
    public static BigInteger addressCount(List<IPAddress> blocks) {
        return union(blocks).stream().map(IPAddressSeqRange::getCount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public static String excerpt(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...";
    }
}
