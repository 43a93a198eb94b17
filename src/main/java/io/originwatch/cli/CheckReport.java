package io.originwatch.cli;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.evidence.EdgeComparison;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.probe.Phase;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.TlsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The human output of {@code check}: the verdict in one line, then the detail, the phases as a small
 * text waterfall, header bytes against the limit, TLS facts, warnings and the curl line to repeat
 * the probe by hand (secrets replaced by placeholders, as in the daemon's evidence). Plain ASCII,
 * so it survives any terminal, log or ticket.
 */
final class CheckReport {

    /** Width of the waterfall's bars in characters: the whole probe spans this many. */
    static final int WATERFALL_WIDTH = 40;

    /** Phases drawn in the waterfall, in the order they happen on the wire. */
    private static final List<Phase> SEQUENCE =
            List.of(Phase.DNS, Phase.CONNECT, Phase.TLS, Phase.SEND, Phase.TTFB, Phase.RECEIVE);

    private final HarBuilder evidence;

    CheckReport(HarBuilder evidence) {
        this.evidence = evidence;
    }

    /** The full report of one check. */
    String full(CheckResult c) {
        StringBuilder out = new StringBuilder();
        out.append(verdictLine(c.direct())).append('\n');
        out.append("  ").append(c.direct().detail()).append("\n\n");
        probe(out, c.direct());
        if (c.edge() != null) {
            Verdict e = c.edge();
            out.append('\n')
                    .append("via the edge (")
                    .append(evidence.redactor().url(e.result().spec().url().toString()))
                    .append("): ")
                    .append(edgeLine(e))
                    .append('\n');
            out.append("  ").append(e.detail()).append('\n');
            EdgeComparison cmp = EdgeComparison.of(c.direct().up(), e.up());
            row(out, "compared", cmp.label() + ": " + cmp.explanation());
            probe(out, e);
        }
        return out.toString();
    }

    /** One line of {@code --config} output: name, cause, edge status, total time, detail. */
    static String line(CheckResult c, int nameWidth) {
        Verdict v = c.direct();
        String total =
                v.result().timings().get(Phase.TOTAL).map(CheckReport::ms).orElse("-");
        String edge = v.edgeStatus() == 0 ? "-" : Integer.toString(v.edgeStatus());
        String s = String.format(
                Locale.ROOT,
                "%-" + nameWidth + "s  %-22s %4s %11s  %s",
                c.origin().name(),
                v.cause().label(),
                edge,
                total,
                v.detail());
        if (c.edge() != null) {
            s += " | via edge: " + edgeLine(c.edge());
        }
        return s;
    }

    /** "the edge would answer 520: headers_too_large", or what a local failure means. */
    static String verdictLine(Verdict v) {
        if (v.cause() == Cause.PROBE_ERROR) {
            return "originwatch could not probe the origin: probe_error (a fault on this machine, not the origin's)";
        }
        String warnings = v.warnings().isEmpty()
                ? ""
                : " (warnings: " + v.warnings().stream().map(Warning::label).collect(Collectors.joining(", ")) + ")";
        return "the edge would answer " + v.edgeStatus() + ": " + v.cause().label() + warnings;
    }

    private static String edgeLine(Verdict e) {
        String status = e.httpStatus() == 0 ? "no answer" : "answered " + e.httpStatus();
        String ray = Optional.ofNullable(e.result().head())
                .flatMap(h -> h.first("cf-ray"))
                .map(r -> ", cf-ray " + r)
                .orElse("");
        return status + " (" + e.cause().label() + ray + ")";
    }

    private void probe(StringBuilder out, Verdict v) {
        ProbeResult r = v.result();
        ProbeSpec spec = r.spec();
        row(
                out,
                "probed",
                spec.method() + " " + evidence.redactor().url(spec.url().toString()) + " with Host and SNI "
                        + spec.host());
        if (r.connectedAddress() != null) {
            row(
                    out,
                    "address",
                    r.connectedAddress().getAddress().getHostAddress() + " port "
                            + r.connectedAddress().getPort());
        }
        waterfall(out, r);
        row(out, "headers", headerBytes(r));
        if (r.tls() != null) {
            row(out, "tls", tls(r.tls(), r.startedAt()));
        }
        row(
                out,
                "warnings",
                v.warnings().isEmpty()
                        ? "none"
                        : v.warnings().stream().map(Warning::label).collect(Collectors.joining(", ")));
        row(out, "curl", evidence.curl(r));
    }

    /**
     * Each phase on its own row, its bar starting where the previous phase ended, scaled so the
     * whole probe spans {@link #WATERFALL_WIDTH} characters; a phase too short to see still gets one
     * character, so every phase that happened shows. Time in no phase (a head that never completed
     * is read outside TTFB and RECEIVE) gets a {@code (rest)} row, so the bars add up to the total.
     */
    static void waterfall(StringBuilder out, ProbeResult r) {
        Optional<Duration> total = r.timings().get(Phase.TOTAL);
        if (total.isEmpty()) {
            row(out, "timings", "none recorded");
            return;
        }
        double totalNanos = Math.max(1, total.get().toNanos());
        long at = 0;
        boolean first = true;
        for (Phase p : SEQUENCE) {
            Optional<Duration> d = r.timings().get(p);
            if (d.isEmpty()) {
                continue;
            }
            int start = (int) Math.min(WATERFALL_WIDTH - 1, Math.round(at / totalNanos * WATERFALL_WIDTH));
            int len = (int) Math.max(1, Math.round(d.get().toNanos() / totalNanos * WATERFALL_WIDTH));
            len = Math.min(len, WATERFALL_WIDTH - start);
            String bar = " ".repeat(start) + "#".repeat(len);
            row(out, first ? "timings" : "", String.format(Locale.ROOT, "%-8s %11s  |%s", p.label(), ms(d.get()), bar));
            at += d.get().toNanos();
            first = false;
        }
        long rest = total.get().toNanos() - at;
        if (!first && rest > totalNanos / 100) {
            // time in no phase: reading a head that never completed, or the close after it
            int start = (int) Math.min(WATERFALL_WIDTH - 1, Math.round(at / totalNanos * WATERFALL_WIDTH));
            String bar = " ".repeat(start) + "#".repeat(Math.max(1, WATERFALL_WIDTH - start));
            row(out, "", String.format(Locale.ROOT, "%-8s %11s  |%s", "(rest)", ms(Duration.ofNanos(rest)), bar));
        }
        row(
                out,
                first ? "timings" : "",
                String.format(Locale.ROOT, "%-8s %11s  |%s", "total", ms(total.get()), "#".repeat(WATERFALL_WIDTH)));
    }

    static String headerBytes(ProbeResult r) {
        int limit = r.spec().headerLimitBytes();
        int seen = r.headerBytes();
        double share = seen * 100.0 / limit;
        // over the limit never rounds down to a harmless-looking 100%
        long percent = seen > limit ? (long) Math.ceil(share) : Math.round(share);
        String verdict = seen > limit ? ": over the limit" : seen == 0 ? ": no response head received" : "";
        return String.format(Locale.ROOT, "%,d of the %,d-byte limit (%d%%)%s", seen, limit, percent, verdict);
    }

    private static String tls(TlsFacts t, Instant now) {
        StringBuilder s = new StringBuilder();
        s.append(t.protocol() == null ? "handshake not completed" : t.protocol() + " " + t.cipherSuite());
        if (t.leafSubject() != null) {
            s.append("; certificate ").append(t.leafSubject());
            if (!t.leafSans().isEmpty()) {
                s.append(" for ").append(String.join(", ", t.leafSans()));
            }
            if (t.leafIssuer() != null) {
                s.append(", issued by ").append(t.leafIssuer());
            }
            if (t.leafNotAfter() != null) {
                long days = Duration.between(now, t.leafNotAfter()).toDays();
                s.append(", ")
                        .append(t.leafNotAfter().isBefore(now) ? "expired " : "valid until ")
                        .append(t.leafNotAfter())
                        .append(" (")
                        .append(days)
                        .append(" days)");
            }
        }
        s.append(t.validationError() == null ? "; verified" : "; not valid: " + t.validationError());
        return s.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-9s %s\n", label, value));
    }

    static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1_000_000.0);
    }
}
