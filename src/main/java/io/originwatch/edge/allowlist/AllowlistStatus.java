package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The last check of one allowlist: drift against the ranges in force, or why it could not be read. */
public record AllowlistStatus(
        String name,
        String source,
        Instant checkedAt,
        State state,
        List<IPAddress> missing,
        List<IPAddress> extra,
        BigInteger missingIpv4Addresses,
        String error) {

    public enum State {
        OK,
        DRIFT,
        ERROR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AllowlistStatus {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
    }

    static AllowlistStatus of(String name, String source, Instant at, Drift d) {
        return new AllowlistStatus(
                name,
                source,
                at,
                d.none() ? State.OK : State.DRIFT,
                d.missing(),
                d.extra(),
                d.missingIpv4Addresses(),
                null);
    }

    static AllowlistStatus error(String name, String source, Instant at, String error) {
        return new AllowlistStatus(name, source, at, State.ERROR, List.of(), List.of(), BigInteger.ZERO, error);
    }
}
