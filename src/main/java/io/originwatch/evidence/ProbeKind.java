package io.originwatch.evidence;

/** Which path a probe took: straight to the origin, or through the edge by its public URL. */
public enum ProbeKind {
    DIRECT("direct"),
    VIA_EDGE("via-edge");

    private final String label;

    ProbeKind(String label) {
        this.label = label;
    }

    /** As written in HAR files ({@code _probe}), file names and the API. */
    public String label() {
        return label;
    }
}
