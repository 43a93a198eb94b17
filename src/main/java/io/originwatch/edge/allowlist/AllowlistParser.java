package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.cidr.AddressSets;
import io.originwatch.edge.cidr.Cidrs;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the addresses an allowlist admits. Lines that are not about addresses (other directives,
 * other chains) are skipped; a line that is about addresses but unreadable is an error naming the
 * source, line and text, because half-reading a firewall would report false drift.
 */
public final class AllowlistParser {

    private static final Pattern NGINX_DIRECTIVE =
            Pattern.compile("^(allow|deny|set_real_ip_from)\\s+(\\S+?)\\s*(;.*)?$");
    private static final Pattern APACHE_REQUIRE = Pattern.compile("(?i)^Require\\s+(not\\s+)?ip\\s+(.+)$");
    private static final Pattern PARTIAL_IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){0,2}\\.?");

    private AllowlistParser() {}

    /**
     * @param source name used in error messages (usually the file path)
     * @param chain  the iptables chain whose ACCEPT rules count (ignored by the other formats)
     */
    public static List<IPAddress> parse(String source, String content, AllowlistFormat format, String chain)
            throws AllowlistParseException {
        return switch (format) {
            case CIDR -> cidr(source, content);
            case NGINX -> nginx(source, content);
            case APACHE -> apache(source, content);
            case IPTABLES -> FirewallParsers.iptables(source, content, chain);
            case NFTABLES -> FirewallParsers.nftables(source, content);
        };
    }

    static String[] lines(String content) {
        return content.split("\r?\n", -1);
    }

    static String stripHash(String line) {
        int i = line.indexOf('#');
        return (i < 0 ? line : line.substring(0, i)).strip();
    }

    static IPAddress cidrAt(String source, int line, String text, String token) throws AllowlistParseException {
        try {
            return Cidrs.parse(token, false);
        } catch (IllegalArgumentException e) {
            throw AllowlistParseException.at(source, line, text, e.getMessage());
        }
    }

    private static List<IPAddress> cidr(String source, String content) throws AllowlistParseException {
        List<IPAddress> out = new ArrayList<>();
        String[] lines = lines(content);
        for (int i = 0; i < lines.length; i++) {
            String l = stripHash(lines[i]);
            if (!l.isEmpty()) {
                out.add(cidrAt(source, i + 1, lines[i], l));
            }
        }
        return out;
    }

    /**
     * nginx evaluates allow/deny in order and the first match wins, so a deny before an allow carves
     * addresses out of it; {@code set_real_ip_from} names trusted proxies, which for an origin behind a
     * CDN is the edge list itself. {@code include} is not followed.
     */
    private static List<IPAddress> nginx(String source, String content) throws AllowlistParseException {
        List<IPAddress> allowed = new ArrayList<>();
        List<IPAddress> decided = new ArrayList<>();
        String[] lines = lines(content);
        for (int i = 0; i < lines.length; i++) {
            String l = stripHash(lines[i]);
            Matcher m = NGINX_DIRECTIVE.matcher(l);
            if (!m.matches()) {
                if (l.matches("^(allow|deny|set_real_ip_from)\\b.*")) {
                    throw AllowlistParseException.at(source, i + 1, lines[i], "expected '<directive> <address>;'");
                }
                continue;
            }
            if (m.group(3) == null) {
                throw AllowlistParseException.at(source, i + 1, lines[i], "missing ';'");
            }
            String target = m.group(2);
            if (target.startsWith("unix:")) {
                continue;
            }
            List<IPAddress> blocks = target.equals("all")
                    ? List.of(Cidrs.parseOrThrow("0.0.0.0/0"), Cidrs.parseOrThrow("::/0"))
                    : List.of(cidrAt(source, i + 1, lines[i], target));
            if (m.group(1).equals("set_real_ip_from")) {
                allowed.addAll(blocks);
                continue;
            }
            if (m.group(1).equals("allow")) {
                allowed.addAll(AddressSets.subtract(blocks, decided));
            }
            decided.addAll(blocks);
        }
        return allowed;
    }

    /** {@code Require ip} with CIDRs, bare or partial addresses ("10.1" = 10.1.0.0/16); {@code Require not ip} is skipped. */
    private static List<IPAddress> apache(String source, String content) throws AllowlistParseException {
        List<IPAddress> out = new ArrayList<>();
        String[] lines = lines(content);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = APACHE_REQUIRE.matcher(stripHash(lines[i]));
            if (!m.matches() || m.group(1) != null) {
                continue;
            }
            for (String token : m.group(2).trim().split("\\s+")) {
                out.add(cidrAt(source, i + 1, lines[i], apachePartial(token)));
            }
        }
        return out;
    }

    private static String apachePartial(String token) {
        if (!PARTIAL_IPV4.matcher(token).matches()) {
            return token;
        }
        String t = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
        int parts = t.split("\\.").length;
        return t + ".0".repeat(4 - parts) + "/" + (8 * parts);
    }
}
