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
 * entry a valid CIDR without host bits, no default route, no reserved range, then the shrink limit
 * (skipped when forced). The first failure is the reason.
 */
public final class RangeValidator {

    /** Default largest share of a family's addresses a refresh may drop at once. */
    public static final double DEFAULT_MAX_SHRINK = 0.3;

    private final double maxShrink;

    public RangeValidator(double maxShrink) {
        if (!(maxShrink >= 0 && maxShrink <= 1)) {
            throw new IllegalArgumentException("max-shrink must be between 0 and 1, was " + maxShrink);
        }
        this.maxShrink = maxShrink;
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
