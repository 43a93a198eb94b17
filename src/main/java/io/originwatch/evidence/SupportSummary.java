package io.originwatch.evidence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary.md} of a support bundle: what a CDN support engineer asks for, in the order they
 * ask. Times are written in UTC and in the daemon's zone, because tickets and logs disagree on it.
 *
 * @param origin      origin name
 * @param url         the url probed directly (where the probe connects)
 * @param host        Host header and SNI
 * @param viaEdgeUrl  the public URL probed through the edge, or null
 * @param generatedAt now
 * @param zone        the daemon's zone
 * @param timeline    probe history, oldest first
 * @param evidence    what the store keeps for the origin
 * @param allowlists  one line per allowlist (state of the edge's allowlist checks), may be empty
 * @param har         renders the kept probe's HAR entry
 */
public record SupportSummary(
        String origin,
        String url,
        String host,
        String viaEdgeUrl,
        Instant generatedAt,
        ZoneId zone,
        List<TimelineEntry> timeline,
        OriginEvidence evidence,
        List<String> allowlists,
        HarBuilder har) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX", Locale.ROOT);

    public String render() {
        StringBuilder md = new StringBuilder(4096);
        md.append("# originwatch support bundle: ").append(origin).append("\n\n");
        md.append("Generated ")
                .append(both(generatedAt))
                .append(". Times are UTC, with the daemon's zone (")
                .append(zone)
                .append(") in parentheses.\n\n");
        origin(md);
        direct(md);
        edge(md);
        timeline(md);
        allowlists(md);
        md.append("## Files\n\n");
        md.append("- `direct.har`: the direct probe (the last failing one, else the latest).\n");
        if (viaEdgeUrl != null) {
            md.append("- `via-edge.har`: the probe through the edge (the last failing one, else the latest).\n");
        }
        md.append("- `history.json`: the last probes of this origin as the API returns them.\n\n");
        md.append("HAR files are plain JSON; upload them unzipped (CDN support does not take zipped HARs). ")
                .append("Secret header values are replaced by `")
                .append(Redactor.REDACTED)
                .append("`.\n");
        return md.toString();
    }

    private void origin(StringBuilder md) {
        md.append("## Origin\n\n");
        md.append("- name: `").append(origin).append("`\n");
        md.append("- probed url (direct): ").append(url).append("\n");
        md.append("- Host / SNI: `").append(host).append("`\n");
        md.append("- public url (via the edge): ")
                .append(viaEdgeUrl == null ? "not configured" : viaEdgeUrl)
                .append("\n\n");
    }

    private void direct(StringBuilder md) {
        md.append("## Direct probe\n\n");
        Captured c = evidence == null ? null : evidence.forTicket(ProbeKind.DIRECT);
        if (c == null) {
            md.append("No probe has completed yet.\n\n");
            return;
        }
        Har.Entry e = c.entry(har);
        md.append("- at: ").append(both(c.probedAt())).append("\n");
        md.append("- cause: `")
                .append(e._cause())
                .append("`, the edge answers ")
                .append(e._edgeStatus())
                .append("\n");
        md.append("- detail: ").append(e._detail()).append("\n");
        md.append("- connected to: ")
                .append(e.serverIPAddress() == null ? "(no connection)" : e.serverIPAddress())
                .append("\n");
        long headerBytes = e.response().headersSize();
        if (headerBytes >= 0 && e._headerLimit() != null && e._headerLimit() > 0) {
            md.append("- response header section: ")
                    .append(headerBytes)
                    .append(" bytes of the ")
                    .append(e._headerLimit())
                    .append("-byte limit (")
                    .append(headerBytes * 100 / e._headerLimit())
                    .append("%)\n");
        }
        if (!e._warnings().isEmpty()) {
            md.append("- warnings: ").append(String.join(", ", e._warnings())).append("\n");
        }
        md.append("\nReproduce it by hand (the probe's exact request; fill in redacted values):\n\n```sh\n")
                .append(e._curl())
                .append("\n```\n\n");
        tls(md, e._tls());
    }

    private static void tls(StringBuilder md, Har.Tls t) {
        if (t == null) {
            return;
        }
        md.append("TLS:\n\n");
        md.append("- protocol / cipher: ")
                .append(t.protocol())
                .append(" / ")
                .append(t.cipherSuite())
                .append("\n");
        md.append("- leaf subject: ")
                .append(t.leafSubject())
                .append("; names: ")
                .append(t.leafSans())
                .append("\n");
        md.append("- issuer: ").append(t.leafIssuer()).append("\n");
        md.append("- valid: ")
                .append(t.leafNotBefore())
                .append(" to ")
                .append(t.leafNotAfter())
                .append("\n");
        md.append("- validation: ")
                .append(t.validationError() == null ? "passed" : t.validationError())
                .append("\n\n");
    }

    private void edge(StringBuilder md) {
        if (viaEdgeUrl == null) {
            return;
        }
        md.append("## Through the edge\n\n");
        EdgeObservation o = evidence == null ? null : evidence.edgeObservation();
        if (o == null) {
            md.append("No via-edge probe has completed yet.\n\n");
        } else {
            md.append("- last answer at ")
                    .append(both(o.probedAt()))
                    .append(": status ")
                    .append(o.status())
                    .append(" (")
                    .append(o.cause())
                    .append("), cf-ray ")
                    .append(o.cfRay())
                    .append(", cf-cache-status ")
                    .append(o.cfCacheStatus())
                    .append(", server ")
                    .append(o.server())
                    .append("\n");
            EdgeComparison cmp = evidence.comparison();
            if (cmp != null) {
                md.append("- direct vs edge: **")
                        .append(cmp.label())
                        .append("**: ")
                        .append(cmp.explanation())
                        .append("\n");
            }
            md.append("\n");
        }
        List<RayId> rays = evidence == null ? List.of() : evidence.rayIds();
        md.append("Ray IDs of the edge's 5xx answers (newest last):\n\n");
        if (rays.isEmpty()) {
            md.append("none\n\n");
            return;
        }
        md.append("| time (UTC) | time (").append(zone).append(") | status | cf-ray |\n|---|---|---|---|\n");
        for (RayId r : rays) {
            md.append("| ")
                    .append(utc(r.at()))
                    .append(" | ")
                    .append(local(r.at()))
                    .append(" | ")
                    .append(r.status())
                    .append(" | `")
                    .append(r.id())
                    .append("` |\n");
        }
        md.append("\n");
    }

    private void timeline(StringBuilder md) {
        md.append("## Cause timeline\n\nEach row is a change of cause in the kept history (")
                .append(timeline.size())
                .append(" probes).\n\n");
        md.append("| since (UTC) | since (")
                .append(zone)
                .append(") | cause | edge status | detail |\n|---|---|---|---|---|\n");
        for (TimelineEntry t : changes(timeline)) {
            md.append("| ")
                    .append(utc(t.at()))
                    .append(" | ")
                    .append(local(t.at()))
                    .append(" | `")
                    .append(t.cause())
                    .append("` | ")
                    .append(t.edgeStatus())
                    .append(" | ")
                    .append(cell(t.detail()))
                    .append(" |\n");
        }
        md.append("\n");
    }

    private void allowlists(StringBuilder md) {
        md.append("## Allowlists\n\n");
        if (allowlists.isEmpty()) {
            md.append("No allowlist check is configured (see docs/edge-ranges.md).\n\n");
            return;
        }
        allowlists.forEach(a -> md.append("- ").append(a).append("\n"));
        md.append("\n");
    }

    /** The first entry and every entry whose cause differs from the one before. */
    static List<TimelineEntry> changes(List<TimelineEntry> all) {
        List<TimelineEntry> out = new ArrayList<>();
        String last = null;
        for (TimelineEntry t : all) {
            if (!t.cause().equals(last)) {
                out.add(t);
                last = t.cause();
            }
        }
        return out;
    }

    private String both(Instant t) {
        return utc(t) + " (" + local(t) + ")";
    }

    private static String utc(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    private String local(Instant t) {
        return LOCAL.format(t.atZone(zone == null ? ZoneOffset.UTC : zone));
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
