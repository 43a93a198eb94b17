package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.List;

/** iptables-save / ip6tables-save output and nftables rulesets. */
final class FirewallParsers {

    private FirewallParsers() {}

    /**
     * ACCEPT rules ({@code -A <chain> ... -s X ... -j ACCEPT}) of the named chain. Negated sources and
     * rules without a source are skipped: they do not name addresses. A chain with no rule at all is
     * an error, because a typo in the chain name would otherwise report everything as missing.
     */
    static List<IPAddress> iptables(String source, String content, String chain) throws AllowlistParseException {
        List<IPAddress> out = new ArrayList<>();
        boolean chainSeen = false;
        String[] lines = AllowlistParser.lines(content);
        for (int i = 0; i < lines.length; i++) {
            String[] t = lines[i].strip().split("\\s+");
            if (t.length < 2 || !t[0].equals("-A") || !t[1].equals(chain)) {
                chainSeen |= lines[i].startsWith(":" + chain + " ");
                continue;
            }
            chainSeen = true;
            String src = null;
            String target = null;
            boolean negated = false;
            for (int k = 2; k < t.length; k++) {
                if ((t[k].equals("-s") || t[k].equals("--source")) && k + 1 < t.length) {
                    negated = t[k - 1].equals("!");
                    src = t[++k];
                } else if ((t[k].equals("-j") || t[k].equals("--jump")) && k + 1 < t.length) {
                    target = t[++k];
                }
            }
            if (src == null && lines[i].matches(".*\\s(-s|--source)\\s*$")) {
                throw AllowlistParseException.at(source, i + 1, lines[i], "-s without an address");
            }
            if ("ACCEPT".equals(target) && src != null && !negated) {
                for (String s : src.split(",")) {
                    out.add(AllowlistParser.cidrAt(source, i + 1, lines[i], s));
                }
            }
        }
        if (!chainSeen) {
            throw new AllowlistParseException(source + ": no rule for chain '" + chain + "'");
        }
        return out;
    }

    /**
     * Every {@code elements = { ... }} block (possibly spanning lines) of every set: CIDRs, addresses
     * and {@code a-b} ranges.
     */
    static List<IPAddress> nftables(String source, String content) throws AllowlistParseException {
        List<IPAddress> out = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        String[] lines = AllowlistParser.lines(content);
        for (int i = 0; i < lines.length; i++) {
            String l = AllowlistParser.stripHash(lines[i]);
            if (!inside) {
                int at = l.indexOf("elements");
                if (at < 0) {
                    continue;
                }
                int brace = l.indexOf('{', at);
                if (brace < 0
                        || !l.substring(at + "elements".length(), brace).strip().equals("=")) {
                    throw AllowlistParseException.at(source, i + 1, lines[i], "expected 'elements = {'");
                }
                inside = true;
                found = true;
                l = l.substring(brace + 1);
            }
            int close = l.indexOf('}');
            String body = close < 0 ? l : l.substring(0, close);
            inside = close < 0;
            for (String token : body.split("[,\\s]+")) {
                if (!token.isEmpty()) {
                    out.addAll(element(source, i + 1, lines[i], token));
                }
            }
        }
        if (inside) {
            throw new AllowlistParseException(source + ": 'elements = {' not closed by '}'");
        }
        if (!found) {
            throw new AllowlistParseException(source + ": no 'elements = { ... }' set found");
        }
        return out;
    }

    private static List<IPAddress> element(String source, int line, String text, String token)
            throws AllowlistParseException {
        int dash = token.indexOf('-');
        if (dash < 0) {
            return List.of(AllowlistParser.cidrAt(source, line, text, token));
        }
        IPAddress lo = AllowlistParser.cidrAt(source, line, text, token.substring(0, dash));
        IPAddress hi = AllowlistParser.cidrAt(source, line, text, token.substring(dash + 1));
        if (lo.getIPVersion() != hi.getIPVersion()) {
            throw AllowlistParseException.at(source, line, text, "range mixes IPv4 and IPv6");
        }
        IPAddressSeqRange r =
                lo.getLower().withoutPrefixLength().spanWithRange(hi.getUpper().withoutPrefixLength());
        return List.of(r.spanWithPrefixBlocks());
    }
}
