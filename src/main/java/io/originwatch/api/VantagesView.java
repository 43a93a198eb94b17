package io.originwatch.api;

import io.originwatch.app.VantageReport;
import io.originwatch.app.VantageVerdict;
import io.originwatch.app.VantageVerdict.State;
import java.util.List;

/**
 * {@code GET /api/origins/{name}/vantages}: every vantage's latest verdict for the origin and the
 * quorum's outcome (docs/cluster.md#multi-vantage-quorum).
 *
 * @param origin   the origin's name
 * @param vantage  this daemon's vantage ({@code originwatch.vantage})
 * @param required N, the vantages that must see the origin down ({@code originwatch.vantage-quorum})
 * @param outcome  {@code down} (at least N say down), {@code up} (N cannot be reached even if every
 *                 pending or unknown vantage were down) or {@code unknown}
 * @param counts   vantages per state
 * @param vantages this vantage first, then the peers in configuration order
 */
public record VantagesView(
        String origin, String vantage, int required, String outcome, Counts counts, List<Verdict> vantages) {

    /** Vantages per state. */
    public record Counts(int up, int down, int pending, int unknown) {}

    /**
     * One vantage's say.
     *
     * @param state    {@code up}, {@code down}, {@code pending} (known, not probed yet) or {@code unknown}
     * @param cause    the latest cause label, null when unknown
     * @param probedAt the latest probe's start (ISO-8601), null when pending or unknown
     * @param reason   why unknown (no answer within the timeout, HTTP status, not an origin's JSON), else null
     */
    public record Verdict(String vantage, boolean self, String state, String cause, String probedAt, String reason) {

        static Verdict of(VantageVerdict v) {
            return new Verdict(v.vantage(), v.self(), v.state().label(), v.cause(), v.probedAt(), v.reason());
        }
    }

    static VantagesView of(VantageReport report, String vantage) {
        return new VantagesView(
                report.origin(),
                vantage,
                report.required(),
                report.outcome().label(),
                new Counts(
                        report.count(State.UP),
                        report.count(State.DOWN),
                        report.count(State.PENDING),
                        report.count(State.UNKNOWN)),
                report.vantages().stream().map(Verdict::of).toList());
    }
}
