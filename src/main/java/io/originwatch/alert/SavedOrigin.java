package io.originwatch.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One origin's alert state as it survives a restart: its streak, when its current run of failures
 * began, and its firing alert. Only origins with something to remember are saved (a failure streak
 * or a firing alert): a healthy origin with no alert starts from nothing and loses nothing.
 *
 * @param origin       origin name
 * @param failures     failures in a row
 * @param successes    successes in a row (counts only while firing: they resolve it)
 * @param failingSince start of the first bad probe of the current run, or null
 * @param firing       the origin's firing alert, or null
 */
public record SavedOrigin(String origin, int failures, int successes, Instant failingSince, ActiveAlert firing)
        implements java.io.Serializable {

    public SavedOrigin {
        Objects.requireNonNull(origin, "origin");
        if (firing != null && !firing.origin().equals(origin)) {
            throw new IllegalArgumentException("alert of " + firing.origin() + " saved under " + origin);
        }
    }
}
