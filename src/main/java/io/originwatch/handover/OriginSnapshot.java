package io.originwatch.handover;

import io.originwatch.alert.SavedOrigin;
import io.originwatch.origin.ProbeRecord;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One origin's state as its owner publishes it after each probe, for the member that owns it next
 * (a move after a leave, a crash or a rebalance) and for the members that show it without owning it.
 *
 * @param origin              origin name, the snapshot's key
 * @param latest              the latest result; its {@code ProbeResult} carries no spec and no
 *                            evidence bytes on the wire ({@link SnapshotCodec})
 * @param latestInMaintenance the latest probe started inside a maintenance window
 * @param failures            failures in a row (the origin's {@code Streak})
 * @param successes           successes in a row
 * @param lastCauseChange     start of the probe whose cause differed from the one before, or null
 * @param alert               the alert tracker's state of the origin (streak, failing since, firing
 *                            alert), or null when the tracker has none
 * @param failing             the evidence of the last failing direct probe, carried while the
 *                            origin is failing (null when healthy, or when its HAR is too large)
 */
public record OriginSnapshot(
        String origin,
        ProbeRecord latest,
        boolean latestInMaintenance,
        int failures,
        int successes,
        Instant lastCauseChange,
        SavedOrigin alert,
        CarriedEvidence failing)
        implements Serializable {

    /** A snapshot that carries no evidence. */
    public OriginSnapshot(
            String origin,
            ProbeRecord latest,
            boolean latestInMaintenance,
            int failures,
            int successes,
            Instant lastCauseChange,
            SavedOrigin alert) {
        this(origin, latest, latestInMaintenance, failures, successes, lastCauseChange, alert, null);
    }

    public OriginSnapshot {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(latest, "latest");
        if (failures < 0 || successes < 0 || (failures > 0 && successes > 0)) {
            throw new IllegalArgumentException(
                    "a streak is failures or successes in a row, got " + failures + " and " + successes);
        }
        if (alert != null && !alert.origin().equals(origin)) {
            throw new IllegalArgumentException("alert state of " + alert.origin() + " in the snapshot of " + origin);
        }
    }

    /** This snapshot carrying {@code evidence} (or none, when null). */
    public OriginSnapshot carrying(CarriedEvidence evidence) {
        return new OriginSnapshot(
                origin, latest, latestInMaintenance, failures, successes, lastCauseChange, alert, evidence);
    }

    /** When the latest probe started: a snapshot with a later one is newer. */
    public Instant probedAt() {
        return latest.probedAt();
    }
}
