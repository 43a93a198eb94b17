package io.originwatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;

/**
 * The {@link Phase#EXPORTED} phases in milliseconds (microsecond precision, {@link
 * PhaseTimings#millis}); a phase that did not happen is left out. One component per exported phase,
 * in its order (TimingsViewTest holds the two together).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimingsView(Double dns, Double connect, Double tls, Double ttfb, Double total) {

    static TimingsView of(PhaseTimings t) {
        return new TimingsView(
                ms(t, Phase.DNS), ms(t, Phase.CONNECT), ms(t, Phase.TLS), ms(t, Phase.TTFB), ms(t, Phase.TOTAL));
    }

    private static Double ms(PhaseTimings t, Phase phase) {
        return t.get(phase).map(PhaseTimings::millis).orElse(null);
    }
}
