package io.originwatch.ui;

import io.originwatch.api.OriginView;
import io.originwatch.api.ResultView;
import io.originwatch.app.ClusterRuntime;
import io.originwatch.app.EvidenceRecorder;
import io.originwatch.app.MaintenanceService;
import io.originwatch.classify.Cause;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.OriginState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the overview from the API's views: {@link OriginView} (its one factory) for the counts and
 * the sort over every origin, the history (as {@link ResultView}s) only for the rows on the page. Failing origins come first, oldest failure first; the others follow by name; each list
 * is paged on the server ({@link #PAGE_SIZE} rows), so the page's size does not grow with the fleet.
 */
@ApplicationScoped
public class OverviewBuilder {

    public static final int PAGE_SIZE = 100;

    @Inject
    OriginRegistry registry;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    MaintenanceService maintenance;

    @Inject
    HealthBuilder health;

    @Inject
    ClusterRuntime cluster;

    public Overview build(Overview.Filters f, int failingPage, int othersPage) {
        List<Entry> failing = new ArrayList<>();
        List<Entry> others = new ArrayList<>();
        List<OriginView> views = new ArrayList<>();
        for (OriginState s : cluster.current(registry.all())) {
            OriginView v = OriginView.listed(s, evidence, maintenance, registry.ownership());
            views.add(v);
            if (matches(v, f)) {
                (v.up() || pending(v) ? others : failing).add(new Entry(s, v));
            }
        }
        failing.sort(Comparator.comparing((Entry e) -> e.view.lastCauseChange() == null ? "" : e.view.lastCauseChange())
                .thenComparing(e -> e.view.name()));
        Paging fp = paging(failing.size(), failingPage, f, "fpage", othersPage);
        Paging op = paging(others.size(), othersPage, f, "page", failingPage);
        return new Overview(
                counts(views),
                health.build(),
                f,
                rows(failing, fp.page()),
                fp.paging(),
                rows(others, op.page()),
                op.paging(),
                Arrays.stream(Cause.values()).map(Cause::label).toList(),
                List.of("520", "521", "522", "523", "524", "525", "526"));
    }

    /** The counts alone, for live updates. */
    public Overview.Counts counts() {
        List<OriginState> all = new ArrayList<>();
        cluster.current(registry.all()).forEach(all::add);
        return counts(all.stream()
                .map(s -> OriginView.listed(s, evidence, maintenance, registry.ownership()))
                .toList());
    }

    static Overview.Counts counts(List<OriginView> views) {
        Map<String, Integer> byEdge = new TreeMap<>();
        Map<String, Integer> byCause = new TreeMap<>();
        int up = 0;
        int pending = 0;
        int warnings = 0;
        int inMaintenance = 0;
        for (OriginView v : views) {
            if (v.maintenance() != null && v.maintenance().active()) {
                inMaintenance++;
            }
            if (v.up()) {
                up++;
            } else if (pending(v)) {
                pending++;
            } else {
                byEdge.merge(String.valueOf(v.edgeStatus()), 1, Integer::sum);
                byCause.merge(v.cause(), 1, Integer::sum);
            }
            if (!v.warnings().isEmpty()) {
                warnings++;
            }
        }
        return new Overview.Counts(
                views.size(),
                up,
                views.size() - up - pending,
                pending,
                warnings,
                inMaintenance,
                counts(byEdge, "edge"),
                counts(byCause, "cause"));
    }

    private static boolean pending(OriginView v) {
        return v.pending();
    }

    /** One origin's row as the overview and the live updates show it. */
    public Overview.Row row(OriginState s) {
        return row(s, OriginView.listed(s, evidence, maintenance, registry.ownership()));
    }

    Overview.Row row(OriginState s, OriginView v) {
        List<ResultView> history = s.history().stream().map(ResultView::of).toList();
        boolean isPending = v.pending();
        String state = isPending ? "pending" : v.up() ? (v.warnings().isEmpty() ? "ok" : "warn") : "bad";
        String via = v.viaEdge() == null
                ? "not set"
                : v.viaEdge().comparison() == null
                        ? "pending"
                        : v.viaEdge().comparison().replace('_', ' ');
        return new Overview.Row(
                "o-" + v.name(),
                v.name(),
                "/ui/origins/" + v.name(),
                state,
                v.cause(),
                v.edgeStatus() == null ? "none" : String.valueOf(v.edgeStatus()),
                since(v.lastCauseChange()),
                v.consecutiveFailures(),
                v.timings().total() == null ? "" : Waterfall.ms(v.timings().total()),
                String.join(", ", v.warnings()),
                Meter.of(
                        v.headerBytes(),
                        v.limits().headerLimitBytes(),
                        v.limits().headersNearLimitBytes()),
                via,
                Strip.of(history),
                v.detail());
    }

    private static List<Overview.Count> counts(Map<String, Integer> by, String param) {
        return by.entrySet().stream()
                .map(e -> new Overview.Count(
                        e.getKey(),
                        e.getValue(),
                        "/ui?" + param + "=" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)))
                .toList();
    }

    private List<Overview.Row> rows(List<Entry> entries, int page) {
        int from = (page - 1) * PAGE_SIZE;
        return entries.subList(Math.min(from, entries.size()), Math.min(from + PAGE_SIZE, entries.size())).stream()
                .map(e -> row(e.state, e.view))
                .toList();
    }

    static boolean matches(OriginView v, Overview.Filters f) {
        if (!f.cause().isEmpty() && !v.cause().equals(f.cause())) {
            return false;
        }
        if (!f.edge().isEmpty()) {
            String edgeStatus = v.edgeStatus() == null ? "" : String.valueOf(v.edgeStatus());
            if (!edgeStatus.equals(f.edge())) {
                return false;
            }
        }
        if (!f.label().isEmpty()) {
            String[] kv = f.label().split("=", 2);
            String value = v.labels().get(kv[0].strip());
            if (value == null || kv.length == 2 && !value.equals(kv[1].strip())) {
                return false;
            }
        }
        if (!f.q().isEmpty()) {
            String q = f.q().toLowerCase(Locale.ROOT);
            return v.name().contains(q)
                    || v.host().toLowerCase(Locale.ROOT).contains(q)
                    || v.url().toLowerCase(Locale.ROOT).contains(q);
        }
        return true;
    }

    /** ISO time with how long ago, e.g. "2026-12-01T09:40:12Z (4 min ago)"; "" for none. */
    static String since(String iso) {
        if (iso == null) {
            return "";
        }
        Instant at = Instant.parse(iso);
        Duration ago = Duration.between(at, Instant.now());
        String rel = ago.toSeconds() < 90
                ? Math.max(0, ago.toSeconds()) + " s ago"
                : ago.toMinutes() < 90 ? ago.toMinutes() + " min ago" : ago.toHours() + " h ago";
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (" + rel + ")";
    }

    private record Entry(OriginState state, OriginView view) {}

    private record Paging(int page, Overview.Paging paging) {}

    private static Paging paging(int total, int requested, Overview.Filters f, String param, int otherPage) {
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requested), pages);
        String other = param.equals("page") ? "fpage" : "page";
        String base = "/ui?" + query(f) + other + "=" + otherPage + "&" + param + "=";
        return new Paging(
                page,
                new Overview.Paging(
                        page,
                        pages,
                        total,
                        page > 1 ? base + (page - 1) : null,
                        page < pages ? base + (page + 1) : null));
    }

    private static String query(Overview.Filters f) {
        StringBuilder q = new StringBuilder();
        append(q, "cause", f.cause());
        append(q, "edge", f.edge());
        append(q, "label", f.label());
        append(q, "q", f.q());
        return q.toString();
    }

    private static void append(StringBuilder q, String key, String value) {
        if (!value.isEmpty()) {
            q.append(key)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .append('&');
        }
    }
}
