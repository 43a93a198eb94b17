package io.originwatch.classify;

import io.originwatch.probe.ProbeResult;

import java.time.Instant;

/**
 * Maps a probe result to the first matching cause of the catalogue, plus warnings.
 *
 * <p>STUB: the contract is fixed; the implementation is issue #2's.
 */
public final class Classifier {

    /** {@code now} decides certificate_expiring; pass the probe's time in tests. */
    public Verdict classify(ProbeResult result, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
