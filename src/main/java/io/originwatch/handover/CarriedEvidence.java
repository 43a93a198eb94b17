package io.originwatch.handover;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The evidence of an origin's last failing direct probe as a snapshot carries it to the next owner:
 * the HAR as the evidence API serves it, already rendered and redacted, so no raw request byte and
 * no secret goes on the wire. At most {@link #MAX_HAR_BYTES}; a larger HAR is not carried.
 *
 * @param probedAt when the failing probe started (the HAR's {@code startedDateTime})
 * @param cause    the failing probe's cause label
 * @param har      the HAR 1.2 document, UTF-8 JSON
 */
public record CarriedEvidence(Instant probedAt, String cause, byte[] har) implements Serializable {

    /** 128 KiB; a snapshot that would exceed {@link SnapshotCodec#MAX_BYTES} with it is published without it. */
    public static final int MAX_HAR_BYTES = 128 * 1024;

    public CarriedEvidence {
        Objects.requireNonNull(probedAt, "probedAt");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(har, "har");
        if (har.length > MAX_HAR_BYTES) {
            throw new IllegalArgumentException(
                    "a carried HAR is at most " + MAX_HAR_BYTES + " bytes, got " + har.length);
        }
    }
}
