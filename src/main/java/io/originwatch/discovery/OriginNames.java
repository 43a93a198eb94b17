package io.originwatch.discovery;

import java.util.Locale;

/**
 * Origin names derived from DNS names: lower case, every character outside {@code [a-z0-9._-]}
 * replaced by {@code -}. The same record always yields the same name, so an origin keeps its history
 * and series across refreshes and restarts.
 */
public final class OriginNames {

    private OriginNames() {}

    /** A valid origin name for {@code dnsName} ({@code Shop.Example.COM.} becomes {@code shop.example.com}). */
    public static String of(String dnsName) {
        String s = dnsName.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            b.append(ok ? c : '-');
        }
        return b.isEmpty() ? "-" : b.toString();
    }
}
