package io.originwatch.http1;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for which names carry secrets, used for header names and URL query names alike,
 * wherever a value leaves the daemon (API, history, details, logs, alerts, HAR, curl line, support
 * bundle). It lives in the lowest layer because the response-head parser already needs it: the
 * excerpt of a malformed header line must not carry the value of {@code Set-Cookie}.
 *
 * <p>A name is secret when, lower-cased:
 * <ol>
 * <li>it is {@code authorization}, {@code proxy-authorization}, {@code cookie} or {@code set-cookie};</li>
 * <li>it contains {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code signature},
 *     {@code credential}, {@code api-key}, {@code apikey}, {@code api_key}, {@code cf-access-client-}
 *     or starts with {@code x-amz-};</li>
 * <li>it is exactly {@code sig}, {@code key} or {@code code} (short query names that sign or grant);</li>
 * <li>or it is one of the configured names ({@code originwatch.evidence.redact-headers}).</li>
 * </ol>
 * The name itself always stays visible (it is part of the story); only the value goes.
 */
public final class RedactionRule {

    /** What a redacted value becomes in text the daemon writes (HAR, API, logs). */
    public static final String REDACTED = "[redacted]";

    /** Exact names, rule 1 and 3. */
    public static final Set<String> EXACT =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "sig", "key", "code");

    /** Substrings, rule 2. */
    public static final List<String> CONTAINS = List.of(
            "token",
            "secret",
            "password",
            "passwd",
            "signature",
            "credential",
            "api-key",
            "apikey",
            "api_key",
            "cf-access-client-");

    /** Prefixes, rule 2. */
    public static final List<String> PREFIXES = List.of("x-amz-");

    /** The built-in rule, without configured names. */
    public static final RedactionRule DEFAULT = new RedactionRule(Set.of());

    /** {@code scheme://userinfo@}: user-info goes whatever it holds. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@]*)@");

    private final Set<String> extra;

    /** @param extraNames configured names, any case; blanks ignored */
    public RedactionRule(Collection<String> extraNames) {
        TreeSet<String> names = new TreeSet<>();
        for (String n : extraNames) {
            if (n != null && !n.isBlank()) {
                names.add(n.strip().toLowerCase(Locale.ROOT));
            }
        }
        this.extra = Set.copyOf(names);
    }

    /** Whether the value of a header or query parameter of this name must not leave the daemon. */
    public boolean secret(String name) {
        if (name == null) {
            return false;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (EXACT.contains(n) || extra.contains(n)) {
            return true;
        }
        for (String c : CONTAINS) {
            if (n.contains(c)) {
                return true;
            }
        }
        for (String p : PREFIXES) {
            if (n.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The configured names on top of the built-in rule, lower-case. */
    public Set<String> extraNames() {
        return extra;
    }

    /** {@link #url(String, String)} with {@link #REDACTED}. */
    public String url(String url) {
        return url(url, REDACTED);
    }

    /**
     * The URL with its user-info and the values of secret query parameters replaced by
     * {@code placeholder}; everything else (scheme, host, port, path, other parameters, fragment)
     * kept byte for byte. Works on any string: a relative {@code Location} value, or text that is no
     * URL at all, comes back with only what the rules find replaced.
     */
    public String url(String url, String placeholder) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        String out = url;
        // no '@', no user-info: skips the regex for nearly every URL (the overview redacts one per origin)
        Matcher m = out.indexOf('@') < 0 ? null : USER_INFO.matcher(out);
        if (m != null && m.find()) {
            out = m.group(1) + placeholder + "@" + out.substring(m.end());
        }
        int q = out.indexOf('?');
        if (q < 0) {
            return out;
        }
        int hash = out.indexOf('#', q);
        String query = hash < 0 ? out.substring(q + 1) : out.substring(q + 1, hash);
        String fragment = hash < 0 ? "" : out.substring(hash);
        return out.substring(0, q + 1) + query(query, placeholder) + fragment;
    }

    /** A raw query string ({@code a=1&token=x}) with the values of secret names replaced. */
    public String query(String rawQuery, String placeholder) {
        StringBuilder sb = new StringBuilder(rawQuery.length());
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            String pair = rawQuery.substring(start, end);
            int eq = pair.indexOf('=');
            if (eq >= 0 && secret(decodeName(pair.substring(0, eq)))) {
                sb.append(pair, 0, eq + 1).append(placeholder);
            } else {
                sb.append(pair);
            }
            if (amp < 0) {
                break;
            }
            sb.append('&');
            start = amp + 1;
        }
        return sb.toString();
    }

    /** Percent-decoding of a query name, enough to see {@code %74oken} as {@code token}. */
    private static String decodeName(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    sb.append((char) (hi * 16 + lo));
                    i += 2;
                    continue;
                }
            }
            sb.append(c == '+' ? ' ' : c);
        }
        return sb.toString();
    }

    /**
     * One header line (name, colon, value, as text) with the value replaced when the name is secret.
     * A line without a colon is read as name, whitespace, rest: {@code Authorization Bearer x} loses
     * {@code Bearer x}. Used for excerpts of lines that broke the parse.
     */
    public String headerLine(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ':' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        if (end == line.length() || !secret(line.substring(0, end))) {
            return line;
        }
        return line.substring(0, end) + (line.charAt(end) == ':' ? ": " : " ") + REDACTED;
    }
}
