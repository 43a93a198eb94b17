package io.originwatch.ui;

import io.originwatch.api.EdgeResource;
import io.originwatch.api.OriginView;
import io.originwatch.api.ResultView;
import io.originwatch.app.AlertingService;
import io.originwatch.app.ClusterRuntime;
import io.originwatch.app.EvidenceRecorder;
import io.originwatch.app.MaintenanceService;
import io.originwatch.classify.Cause;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.OriginEvidence;
import io.originwatch.origin.Origin;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.OriginState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds an origin's troubleshooting page from its API view, history and kept evidence. */
@ApplicationScoped
public class OriginPageBuilder {

    /** Body bytes shown as escaped text (the HAR has what the prober kept). */
    static final int BODY_SHOWN_BYTES = 2048;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    MaintenanceService maintenance;

    @Inject
    AlertingService alerting;

    @Inject
    OriginRegistry registry;

    @Inject
    EdgeResource edge;

    @Inject
    ClusterRuntime cluster;

    public OriginPage build(OriginState state, boolean loginNeeded) {
        cluster.current(state);
        OriginView v = OriginView.of(state, evidence, maintenance, registry.ownership());
        List<ResultView> history = state.history().stream().map(ResultView::of).toList();
        OriginEvidence ev = evidence.evidence(v.name()).orElse(null);
        Captured direct = ev == null ? null : ev.direct();
        Evidence bytes =
                direct == null ? Evidence.none() : direct.verdict().result().evidence();
        var redactor = evidence.builder().redactor();
        boolean pending = v.pending();
        String stateClass = pending ? "pending" : v.up() ? (v.warnings().isEmpty() ? "ok" : "warn") : "bad";
        return new OriginPage(
                v,
                stateClass,
                verdict(v, pending),
                OverviewBuilder.since(v.lastCauseChange()),
                pending ? null : alerting.settings().texts().runbookUrl(cause(v.cause())),
                Waterfall.of(v.timings(), v.limits(), v.stoppedIn(), v.cause()),
                HeadRows.of(bytes.responseHead(), redactor, v.parseFailure()),
                body(bytes.body()),
                bytes.bodyTruncated() || bytes.body().length > BODY_SHOWN_BYTES,
                Meter.of(
                        v.headerBytes(),
                        v.limits().headerLimitBytes(),
                        v.limits().headersNearLimitBytes()),
                HeadRows.of(bytes.requestHead(), redactor, null),
                episodes(history),
                Strip.of(history),
                edge.allowlists(),
                downloads(v.name(), ev, state.origin()),
                config(state.origin()),
                loginNeeded);
    }

    static String verdict(OriginView v, boolean pending) {
        if (pending) {
            return "not probed yet";
        }
        if (v.up()) {
            return "healthy: the origin answered " + v.httpStatus() + " (" + v.cause() + ")";
        }
        if (v.cause().equals(Cause.PROBE_ERROR.label())) {
            return "originwatch could not probe it (" + v.cause() + "): not an origin fault";
        }
        return "the edge would answer " + v.edgeStatus() + ": " + v.cause();
    }

    private static Cause cause(String label) {
        return Cause.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static String body(byte[] body) {
        int n = Math.min(body.length, BODY_SHOWN_BYTES);
        StringBuilder s = new StringBuilder();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (body[i] == '\n') {
                s.append(HeadRows.escape(body, start, i)).append('\n');
                start = i + 1;
            }
        }
        return s.append(HeadRows.escape(body, start, n)).toString();
    }

    /** Runs of the same cause, newest first. */
    static List<OriginPage.Episode> episodes(List<ResultView> oldestFirst) {
        List<OriginPage.Episode> out = new ArrayList<>();
        int i = 0;
        while (i < oldestFirst.size()) {
            ResultView first = oldestFirst.get(i);
            int j = i;
            while (j < oldestFirst.size() && oldestFirst.get(j).cause().equals(first.cause())) {
                j++;
            }
            ResultView last = oldestFirst.get(j - 1);
            out.add(new OriginPage.Episode(
                    first.cause(),
                    first.edgeStatus() == null ? "none" : String.valueOf(first.edgeStatus()),
                    first.probedAt(),
                    last.probedAt(),
                    j - i,
                    first.up()));
            i = j;
        }
        return out.reversed();
    }

    private static List<OriginPage.Download> downloads(String name, OriginEvidence ev, Origin origin) {
        String base = "/api/origins/" + name;
        List<OriginPage.Download> d = new ArrayList<>();
        d.add(download("HAR of the latest probe", base + "/har", ev != null && ev.direct() != null, "no probe yet"));
        d.add(download(
                "HAR of the last failing probe",
                base + "/har?failing=true",
                ev != null && ev.directFailing() != null,
                "no failing probe kept"));
        if (origin.viaEdge() != null) {
            d.add(download(
                    "HAR of the latest probe via the edge",
                    base + "/har?via-edge=true",
                    ev != null && ev.edge() != null,
                    "no via-edge probe yet"));
        }
        d.add(download("Support bundle (zip)", base + "/support-bundle", true, null));
        return d;
    }

    /** As the configuration writes it: {@code 2s}, {@code 1500ms}, {@code 5m}. */
    static String duration(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static OriginPage.Download download(String label, String href, boolean available, String why) {
        return new OriginPage.Download(label, href, available, available ? null : why);
    }

    static List<OriginPage.Setting> config(Origin o) {
        ProbeSpec s = o.spec();
        List<OriginPage.Setting> c = new ArrayList<>();
        c.add(new OriginPage.Setting("configured at", o.source()));
        c.add(new OriginPage.Setting("url", s.url().toString()));
        c.add(new OriginPage.Setting("host", s.host()));
        c.add(new OriginPage.Setting("method", s.method()));
        c.add(new OriginPage.Setting("interval", duration(o.interval())));
        c.add(new OriginPage.Setting("connect-timeout", duration(s.connectTimeout())));
        c.add(new OriginPage.Setting("response-timeout", duration(s.responseTimeout())));
        c.add(new OriginPage.Setting("header-limit", s.headerLimitBytes() + " bytes"));
        c.add(new OriginPage.Setting("body-limit", s.bodyLimitBytes() + " bytes"));
        c.add(new OriginPage.Setting("expect-status", String.valueOf(s.expectStatus())));
        c.add(new OriginPage.Setting("tls-verify", String.valueOf(s.tlsVerify())));
        c.add(new OriginPage.Setting(
                "trust-ca", s.trustCa() == null ? "none" : s.trustCa().toString()));
        c.add(new OriginPage.Setting("user-agent", s.userAgent()));
        c.add(new OriginPage.Setting(
                "headers",
                s.headers().isEmpty()
                        ? "none"
                        : s.headers().stream()
                                        .map(ProbeSpec.RequestHeader::name)
                                        .collect(Collectors.joining(", ")) + " (values not shown)"));
        c.add(new OriginPage.Setting(
                "via-edge-url",
                o.viaEdge() == null ? "not set" : o.viaEdge().url().toString()));
        c.add(new OriginPage.Setting(
                "labels",
                o.labels().isEmpty()
                        ? "none"
                        : o.labels().entrySet().stream()
                                .sorted(java.util.Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", "))));
        return c;
    }
}
