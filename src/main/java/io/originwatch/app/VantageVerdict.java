package io.originwatch.app;

import java.util.Locale;

/**
 * One vantage's latest verdict for one origin, as {@code GET /api/origins/{name}/vantages} lists it.
 *
 * @param vantage  the vantage's name
 * @param self     this daemon's own vantage (read from its registry, not fetched)
 * @param state    what the vantage says
 * @param cause    its latest cause label ({@code ok}, {@code connection_refused} ...), null when unknown
 * @param probedAt when its latest probe started (ISO-8601), null when pending or unknown
 * @param reason   why the state is unknown (no answer in time, HTTP 500, not JSON ...), else null
 */
public record VantageVerdict(String vantage, boolean self, State state, String cause, String probedAt, String reason) {

    /** A vantage's say on an origin. Only {@link #DOWN} counts towards the quorum's down. */
    public enum State {
        /** The latest probe found the origin up. */
        UP,
        /** The latest probe found the origin down. */
        DOWN,
        /** The vantage knows the origin but its first probe has not ended. */
        PENDING,
        /** No verdict: the peer did not answer in time, answered non-2xx, or answered something else than an origin. */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A peer that gave no usable verdict, and why. */
    static VantageVerdict unknown(String vantage, String reason) {
        return new VantageVerdict(vantage, false, State.UNKNOWN, null, null, reason);
    }
}
