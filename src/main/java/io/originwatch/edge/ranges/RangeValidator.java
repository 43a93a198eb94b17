package io.originwatch.edge.ranges;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.cidr.Cidrs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a freshly parsed list may replace the last good one. Order of checks: empty, each
 * entry a valid CIDR without host bits, no default route, no reserved range, no prefix wider than
 * the family's minimum prefix length, then the shrink limit (skipped when forced; it also applies
 * when the list in force is the built-in snapshot). The first failure is the reason.
 */
public final class RangeValidator {

    /** Default largest share of a family's addresses a refresh may drop at once. */
    public static final double DEFAULT_MAX_SHRINK = 0.3;

    /**
     * Widest IPv4 prefix accepted: /8. The widest in the built-in snapshots is Cloudflare's
     * {@code 104.16.0.0/13} (Fastly {@code 151.101.0.0/16}; CloudFront's origin-facing subset /23,
     * its full edge list /15); /0-/7 (a thirty-second of the Internet or more) is no CDN's range but
     * a broken or hostile feed.
     */
    public static final int DEFAULT_MIN_PREFIX_IPV4 = 8;

    /**
     * Widest IPv6 prefix accepted: /16. Widest in the built-in snapshots: Cloudflare's
     * {@code 2a06:98c0::/29}, Fastly's {@code 2a04:4e40::/32} (CloudFront's full edge list has
     * {@code 2600:9000::/28}); ::/0-::/15 spans whole regional registry allocations.
     */
    public static final int DEFAULT_MIN_PREFIX_IPV6 = 16;

    private final double maxShrink;
    private final int minPrefixIpv4;
    private final int minPrefixIpv6;

    public RangeValidator(double maxShrink) {
        this(maxShrink, DEFAULT_MIN_PREFIX_IPV4, DEFAULT_MIN_PREFIX_IPV6);
    }

    public RangeValidator(double maxShrink, int minPrefixIpv4, int minPrefixIpv6) {
        if (!(maxShrink >= 0 && maxShrink <= 1)) {
            throw new IllegalArgumentException("max-shrink must be between 0 and 1, was " + maxShrink);
        }
        if (minPrefixIpv4 < 1 || minPrefixIpv4 > 32) {
            throw new IllegalArgumentException("min-prefix-ipv4 must be 1..32, was " + minPrefixIpv4);
        }
        if (minPrefixIpv6 < 1 || minPrefixIpv6 > 128) {
            throw new IllegalArgumentException("min-prefix-ipv6 must be 1..128, was " + minPrefixIpv6);
        }
        this.maxShrink = maxShrink;
        this.minPrefixIpv4 = minPrefixIpv4;
        this.minPrefixIpv6 = minPrefixIpv6;
    }

    public Validation validate(List<String> entries, EdgeRanges previous, boolean force) {
        if (entries.isEmpty()) {
            return new Validation.Rejected("empty list");
        }
        List<IPAddress> blocks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            IPAddress block;
            try {
                block = Cidrs.parse(e, true);
            } catch (IllegalArgumentException ex) {
                return new Validation.Rejected("entry " + (i + 1) + ": " + ex.getMessage());
            }
            if (block.getNetworkPrefixLength() == 0) {
                return new Validation.Rejected("entry " + (i + 1) + ": default route " + block);
            }
            Optional<IPAddress> reserved = Cidrs.reservedOverlap(block);
            if (reserved.isPresent()) {
                return new Validation.Rejected("entry " + (i + 1) + ": " + block
                        + " overlaps private/loopback/link-local range " + reserved.get());
            }
            int min = block.isIPv4() ? minPrefixIpv4 : minPrefixIpv6;
            if (block.getNetworkPrefixLength() < min) {
                return new Validation.Rejected("entry " + (i + 1) + ": " + block + " is wider than /" + min
                        + ", the widest " + (block.isIPv4() ? "IPv4" : "IPv6")
                        + " prefix accepted (originwatch.edge.min-prefix-"
                        + (block.isIPv4() ? "ipv4" : "ipv6") + ")");
            }
            blocks.add(block);
        }
        if (previous != null && !force) {
            Optional<String> shrink = shrinkProblem("IPv4", blocks, previous.ipv4(), IPAddress::isIPv4)
                    .or(() -> shrinkProblem("IPv6", blocks, previous.ipv6(), IPAddress::isIPv6));
            if (shrink.isPresent()) {
                return new Validation.Rejected(shrink.get());
            }
        }
        return new Validation.Accepted(blocks);
    }

    /** Shrink is measured in addresses covered, so re-aggregating the same space is not a shrink. */
    private Optional<String> shrinkProblem(
            String family, List<IPAddress> blocks, List<IPAddress> before, Predicate<IPAddress> inFamily) {
        BigInteger old = Cidrs.addressCount(before);
        if (old.signum() == 0) {
            return Optional.empty();
        }
        BigInteger now = Cidrs.addressCount(blocks.stream().filter(inFamily).toList());
        // exact decimal arithmetic: 1 - 0.7 in doubles is above 0.3, which would reject exactly 30%
        BigDecimal shrink =
                BigDecimal.ONE.subtract(new BigDecimal(now).divide(new BigDecimal(old), MathContext.DECIMAL64));
        if (shrink.compareTo(BigDecimal.valueOf(maxShrink)) > 0) {
            return Optional.of(String.format(
                    java.util.Locale.ROOT,
                    "%s shrinks by %.0f%% (limit %.0f%%): %d of %d blocks remain; refresh with force to accept",
                    family,
                    shrink.doubleValue() * 100,
                    maxShrink * 100,
                    blocks.stream().filter(inFamily).count(),
                    before.size()));
        }
        return Optional.empty();
    }
}
