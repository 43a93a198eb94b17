package io.originwatch.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the Cloudflare source: every zone's DNS records, and of those each proxied record of
 * a configured type, matching {@code include} and not {@code exclude}, becomes an origin:
 * <ol>
 *   <li>name: the record name made valid ({@link OriginNames}); when a name has several records (round
 *       robin, A beside AAAA), each gets {@code -<first 8 characters of its record id>} appended, so
 *       names stay stable across refreshes as long as the records do;
 *   <li>host (Host and SNI): the record name;
 *   <li>url: {@code scheme://content:port/path} (A/AAAA: the address; CNAME: the target, resolved at
 *       probe time);
 *   <li>labels {@code zone} and {@code record_id}; via-edge {@code scheme://record-name/path} when enabled.
 * </ol>
 * Everything else is listed as skipped with its reason.
 */
public final class CloudflareDiscovery {

    private final CloudflareSettings settings;
    private final CloudflareClient client;
    private final Globs include;
    private final Globs exclude;

    public CloudflareDiscovery(CloudflareSettings settings, CloudflareClient client) {
        this.settings = settings;
        this.client = client;
        this.include = new Globs(settings.include());
        this.exclude = new Globs(settings.exclude());
    }

    public DiscoveryResult run() throws DiscoveryException {
        List<DnsRecord> records = new ArrayList<>();
        for (CloudflareClient.Zone zone : client.zones(settings.zones())) {
            records.addAll(client.records(zone));
        }
        return fromRecords(records);
    }

    /** The origins and skips of {@code records} (all zones of one run). */
    DiscoveryResult fromRecords(List<DnsRecord> records) {
        List<Skipped> skipped = new ArrayList<>();
        List<DnsRecord> kept = new ArrayList<>();
        for (DnsRecord r : records) {
            String reason = skipReason(r);
            if (reason != null) {
                skipped.add(new Skipped(r.type() + " " + r.name(), reason));
            } else {
                kept.add(r);
            }
        }
        kept.sort(Comparator.comparing(DnsRecord::name).thenComparing(DnsRecord::id));
        Map<String, Integer> perName = new HashMap<>();
        kept.forEach(r -> perName.merge(OriginNames.of(r.name()), 1, Integer::sum));
        List<DiscoveredOrigin> origins = new ArrayList<>();
        for (DnsRecord r : kept) {
            String base = OriginNames.of(r.name());
            String name = perName.get(base) > 1 ? base + "-" + OriginNames.of(prefix(r.id())) : base;
            origins.add(new DiscoveredOrigin(
                    name,
                    settings.scheme() + "://" + address(r) + ":" + settings.port() + settings.path(),
                    r.name(),
                    settings.viaEdge() ? settings.scheme() + "://" + r.name() + settings.path() : null,
                    Map.of("zone", r.zone(), "record_id", r.id())));
        }
        return new DiscoveryResult(origins, skipped);
    }

    private String skipReason(DnsRecord r) {
        String type = r.type().toUpperCase(Locale.ROOT);
        if (!settings.recordTypes().contains(type)) {
            return "record type " + type + " not in record-types";
        }
        if (!r.proxied()) {
            return "not proxied: the edge does not front it";
        }
        if (r.name().contains("*")) {
            return "wildcard record: no single host name to probe";
        }
        if (!include.isEmpty() && !include.matches(r.name())) {
            return "not matched by include";
        }
        if (exclude.matches(r.name())) {
            return "matched by exclude";
        }
        return null;
    }

    private static String address(DnsRecord r) {
        return r.type().equalsIgnoreCase("AAAA") ? "[" + r.content() + "]" : r.content();
    }

    private static String prefix(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }
}
