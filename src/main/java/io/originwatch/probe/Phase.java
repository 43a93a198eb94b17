package io.originwatch.probe;

import java.util.Locale;

/**
 * Phases of one probe. DNS, CONNECT, TLS, TTFB and TOTAL are exported as metrics; SEND and RECEIVE
 * exist for HAR timings. TTFB is measured from the end of sending the request to the first
 * response byte.
 */
public enum Phase {
    DNS,
    CONNECT,
    TLS,
    SEND,
    TTFB,
    RECEIVE,
    TOTAL;

    /** Lower-case name used in metrics and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
