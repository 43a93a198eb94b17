package io.originwatch.evidence;

import io.originwatch.probe.ProbeSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** URLs as the site sees them: the Host name (not the connected address) with the probe's path. */
final class HarUrls {

    private HarUrls() {}

    /** {@code scheme://host[:port]/path?query}, the port only when it is not the scheme's default. */
    static String siteUrl(ProbeSpec spec) {
        String scheme = spec.https() ? "https" : "http";
        String host = spec.host().contains(":") && !spec.host().startsWith("[") ? "[" + spec.host() + "]" : spec.host();
        boolean defaultPort = spec.port() == (spec.https() ? 443 : 80);
        String path = spec.url().getRawPath() == null || spec.url().getRawPath().isEmpty()
                ? "/"
                : spec.url().getRawPath();
        String query = spec.url().getRawQuery() == null ? "" : "?" + spec.url().getRawQuery();
        return scheme + "://" + host + (defaultPort ? "" : ":" + spec.port()) + path + query;
    }

    /** The query's name/value pairs, decoded (HAR's {@code queryString}). */
    static List<Har.QueryParam> query(ProbeSpec spec) {
        String raw = spec.url().getRawQuery();
        List<Har.QueryParam> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new Har.QueryParam(decode(name), decode(value)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % is shown as it was sent
        }
    }
}
