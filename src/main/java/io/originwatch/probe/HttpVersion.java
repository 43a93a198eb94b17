package io.originwatch.probe;

import java.util.List;

/**
 * Which HTTP the probe speaks over TLS (config {@code http-version}). Plain http is always HTTP/1.1:
 * the edge does no h2c.
 */
public enum HttpVersion {
    /** As the edge: offer ALPN [h2, http/1.1], speak what the origin selects; never retry after h2 fails. */
    AUTO(List.of("h2", "http/1.1")),
    /** Today's ClientHello: no ALPN, HTTP/1.1. */
    HTTP_1_1(List.of()),
    /** Offer only h2 (gRPC origins); an origin that does not select it fails. */
    HTTP_2(List.of("h2"));

    /** ALPN's name for HTTP/2 over TLS (RFC 9113 section 3.2). */
    public static final String H2 = "h2";

    private final List<String> alpnOffer;

    HttpVersion(List<String> alpnOffer) {
        this.alpnOffer = alpnOffer;
    }

    /** The ALPN protocols offered, in preference order; empty = no ALPN extension. */
    public List<String> alpnOffer() {
        return alpnOffer;
    }

    /** The value written {@code text} ({@code auto}, {@code 1.1}, {@code 2}), if it is one. */
    public static java.util.Optional<HttpVersion> parse(String text) {
        return java.util.Arrays.stream(values())
                .filter(v -> v.label().equals(text.trim()))
                .findFirst();
    }

    /** The config spelling: {@code auto}, {@code 1.1}, {@code 2}. */
    public String label() {
        return switch (this) {
            case AUTO -> "auto";
            case HTTP_1_1 -> "1.1";
            case HTTP_2 -> "2";
        };
    }
}
