package io.originwatch.edge.allowlist;

import java.util.Locale;
import java.util.regex.Pattern;

/** The file formats an allowlist can be read from. */
public enum AllowlistFormat {
    CIDR,
    NGINX,
    APACHE,
    IPTABLES,
    NFTABLES;

    private static final Pattern IPTABLES_HINT =
            Pattern.compile("(?m)^(\\*(filter|raw|mangle|nat)\\b|:[A-Za-z0-9_-]+ \\S+ \\[|-A \\S+ )");
    private static final Pattern NFTABLES_HINT = Pattern.compile("(?m)\\belements\\s*=\\s*\\{");
    private static final Pattern APACHE_HINT = Pattern.compile("(?im)^\\s*Require\\s+(not\\s+)?ip\\s");
    private static final Pattern NGINX_HINT = Pattern.compile("(?m)^\\s*(allow|deny|set_real_ip_from)\\s+\\S+\\s*;");

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AllowlistFormat fromLabel(String label) {
        for (AllowlistFormat f : values()) {
            if (f.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown allowlist format '" + label + "' (cidr|nginx|apache|iptables|nftables)");
    }

    /** Guesses from distinctive syntax, most specific first; a plain list of CIDRs is the fallback. */
    public static AllowlistFormat guess(String content) {
        if (IPTABLES_HINT.matcher(content).find()) {
            return IPTABLES;
        }
        if (NFTABLES_HINT.matcher(content).find()) {
            return NFTABLES;
        }
        if (APACHE_HINT.matcher(content).find()) {
            return APACHE;
        }
        if (NGINX_HINT.matcher(content).find()) {
            return NGINX;
        }
        return CIDR;
    }
}
