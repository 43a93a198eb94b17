package io.originwatch.schedule;

import io.originwatch.origin.EdgeProbeCompleted;
import io.originwatch.origin.ProbeCompleted;

/**
 * Told of every probe result by {@link ProbeRunner}, which collects the beans implementing this
 * interface once at start-up and calls them itself, without a CDI event: firing one made Arc check
 * (and, on a probe's fresh virtual thread, build) the request context's thread-local map around
 * every observer: about 0.8 KB of Arc's garbage per probe in the allocation profile, 2 KiB less per
 * probe in all by the GC log (issue 20, bench/README.md).
 *
 * <p>The contract, as okhttp's {@code EventListener} writes its own:
 * <ol>
 * <li>Both methods run on the probe's thread, after the origin's state is updated and outside its
 *     lock, under its events lock (so nothing of an origin is told after its
 *     {@link io.originwatch.origin.OriginRemoved}); results of one origin never overlap.</li>
 * <li>They must be fast (queue slow work, as the HAR write is) and should not throw. One that throws
 *     is logged (its first failure with its name and stack, then its 10th, 100th... with the count)
 *     and the others are still told; the probe goes on.</li>
 * <li>Observers are called in {@link Stage} order; within one stage, by class name. The order is
 *     fixed at start-up and the same for both methods.</li>
 * <li>Each method has an empty default: an observer implements what it follows.</li>
 * </ol>
 */
public interface ProbeObserver {

    /** When an observer is told, earliest first. */
    enum Stage {
        /** Counters and series read at scrape time (metrics). */
        METRICS,
        /** The probe results kept as evidence (HARs). */
        EVIDENCE,
        /** The alert tracker: its state is what the handover publishes. */
        ALERTS,
        /** The console's live rows. */
        CONSOLE,
        /** Cluster mode's snapshot of the origin: last, after the alert tracker saw the result. */
        HANDOVER
    }

    Stage stage();

    /** The direct probe's result. */
    default void onProbe(ProbeCompleted event) {}

    /** The via-edge probe's result with the direct one (origins with a {@code via-edge-url}). */
    default void onEdgeProbe(EdgeProbeCompleted event) {}
}
