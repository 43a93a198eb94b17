package io.originwatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import java.time.Duration;

/** Phase durations in milliseconds (microsecond precision); a phase that did not happen is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimingsView(Double dns, Double connect, Double tls, Double ttfb, Double total) {

    static TimingsView of(PhaseTimings t) {
        return new TimingsView(
                ms(t, Phase.DNS), ms(t, Phase.CONNECT), ms(t, Phase.TLS), ms(t, Phase.TTFB), ms(t, Phase.TOTAL));
    }

    static TimingsView none() {
        return new TimingsView(null, null, null, null, null);
    }

    private static Double ms(PhaseTimings t, Phase phase) {
        return t.get(phase)
                .map(Duration::toNanos)
                .map(n -> Math.round(n / 1_000.0) / 1_000.0)
                .orElse(null);
    }
}
