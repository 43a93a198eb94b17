package io.originwatch.probe;

import java.util.List;
import java.util.Locale;

/**
 * Phases of one probe. The {@link #EXPORTED} ones are what metrics, the API and the history show;
 * SEND and RECEIVE exist for HAR timings. TTFB is measured from the end of sending the request to
 * the first response byte.
 */
public enum Phase {
    DNS,
    CONNECT,
    TLS,
    SEND,
    TTFB,
    RECEIVE,
    TOTAL;

    /** Computed once: the scrape writes it for every origin's every phase. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /**
     * The phases exported as {@code originwatch_probe_phase_seconds}, shown by the API's timings and
     * kept in the history, in this order. The one list: every layer that shows phases reads it.
     */
    public static final List<Phase> EXPORTED = List.of(DNS, CONNECT, TLS, TTFB, TOTAL);

    /** Lower-case name used in metrics and JSON. */
    public String label() {
        return label;
    }
}
