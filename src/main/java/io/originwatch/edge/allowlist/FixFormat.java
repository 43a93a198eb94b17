package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.cidr.AddressSets;
import io.originwatch.edge.ranges.EdgeRanges;
import java.util.List;
import java.util.Locale;

/**
 * Formats for the suggested allowlist: the current ranges plus the ignore list, merged to a minimal
 * CIDR list, ready to paste.
 */
public enum FixFormat {
    NGINX,
    CIDR,
    IPTABLES,
    APACHE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FixFormat fromLabel(String label) {
        for (FixFormat f : values()) {
            if (f.label().equals(label == null ? "" : label.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + label + "' (nginx|cidr|iptables|apache)");
    }

    /** The suggested list for one allowlist. */
    public static List<IPAddress> suggestion(EdgeRanges ranges, AllowlistDefinition def) {
        List<IPAddress> all = new java.util.ArrayList<>(ranges.all());
        all.addAll(def.ignore());
        return AddressSets.union(all);
    }

    public String render(String allowlist, EdgeRanges ranges, List<IPAddress> blocks, String chain) {
        StringBuilder out = new StringBuilder("# originwatch: suggested allowlist '")
                .append(allowlist)
                .append("' = ")
                .append(ranges.provider())
                .append(" ranges (fetched ")
                .append(ranges.fetchedAt())
                .append(ranges.etag() == null ? "" : ", version " + ranges.etag())
                .append(") plus its ignore list\n");
        switch (this) {
            case CIDR -> blocks.forEach(b -> out.append(b).append('\n'));
            case NGINX -> {
                blocks.forEach(b -> out.append("allow ").append(b).append(";\n"));
                out.append("deny all;\n");
            }
            case APACHE ->
                blocks.forEach(b -> out.append("Require ip ").append(b).append('\n'));
            case IPTABLES -> {
                out.append("# iptables-save (IPv4)\n");
                blocks.stream()
                        .filter(IPAddress::isIPv4)
                        .forEach(b -> out.append("-A ")
                                .append(chain)
                                .append(" -s ")
                                .append(b)
                                .append(" -j ACCEPT\n"));
                out.append("# ip6tables-save (IPv6)\n");
                blocks.stream()
                        .filter(IPAddress::isIPv6)
                        .forEach(b -> out.append("-A ")
                                .append(chain)
                                .append(" -s ")
                                .append(b)
                                .append(" -j ACCEPT\n"));
            }
        }
        return out.toString();
    }
}
