package io.originwatch.ui;

import io.originwatch.api.OriginView;
import io.originwatch.app.EvidenceRecorder;
import io.originwatch.app.MaintenanceService;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.OriginState;
import io.originwatch.schedule.ProbeObserver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Live rows for the overview, by Server-Sent Events on {@code /ui/events}.
 *
 * <ol>
 * <li>The probe-completed observer runs on the probe's thread and stays O(1): it compares the
 *     verdict's shown state (cause, edge status, warnings) with the last state sent for that origin
 *     and, when they differ, adds the name to a coalescing set (an origin queued twice is sent once).</li>
 * <li>One sender thread wakes every {@link #PERIOD_MILLIS} ms, takes at most {@link #MAX_ROWS_PER_TICK}
 *     names, renders each row fragment from the origin's current state (through the same
 *     {@link OverviewBuilder#row} the page uses) and broadcasts it as an event named after the
 *     row's DOM id, then the counts fragment once. So a fleet flapping at once costs the browsers at
 *     most {@code 1000 / PERIOD_MILLIS * MAX_ROWS_PER_TICK} rows a second; the rest waits in the set.</li>
 * <li>With no event sent for {@link #KEEP_ALIVE_MILLIS} ms a comment keeps proxies from closing the
 *     stream; every event carries a retry delay, and the browser's EventSource reconnects by itself.</li>
 * <li>With nobody connected the sender still records the state it would have sent, so the
 *     comparison in step 1 stays true to what a page loaded now shows.</li>
 * <li>No change is lost to a stream that connects late or reconnects. Each recorded change gets the
 *     next number of one sequence, which its event carries as its id. The page is rendered with the
 *     sequence as it was just before ({@link #sequence()}), and the stream it opens asks for every
 *     row changed after that ({@code ?after=}); a reconnecting browser sends the id of the last
 *     event it saw ({@code Last-Event-ID}), which wins. A change the page already showed may come
 *     once more, which swaps a row for the same row. At most {@link #MAX_CATCH_UP_ROWS} rows are
 *     sent this way, the newest changes; a browser that was away longer reloads to see the rest.</li>
 * </ol>
 */
@ApplicationScoped
public class LiveRows implements ProbeObserver {

    private static final Logger LOG = Logger.getLogger(LiveRows.class);

    static final long PERIOD_MILLIS = 500;
    static final int MAX_ROWS_PER_TICK = 100;
    static final long KEEP_ALIVE_MILLIS = 15_000;
    static final long RETRY_MILLIS = 2_000;
    static final int MAX_CATCH_UP_ROWS = 1_000;

    @Inject
    OriginRegistry registry;

    @Inject
    OverviewBuilder overview;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    MaintenanceService maintenance;

    private final Map<String, String> lastSent = new ConcurrentHashMap<>();
    /** Origin name to the sequence number of its last recorded change. */
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

    private final AtomicLong sequence = new AtomicLong();
    private final LinkedHashSet<String> queued = new LinkedHashSet<>();
    /**
     * The open streams. Not an {@code SseBroadcaster}: its broadcast holds the broadcaster's lock
     * while it writes to each stream, and a stream closing on the event loop takes that lock while
     * it holds the stream's, so a client leaving mid-broadcast could deadlock the one sender and
     * stop live rows for every console (quarkusio/quarkus#51033). Here each stream is written
     * without a shared lock, and one that is closed or fails is dropped.
     */
    private final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();

    private volatile Sse sse;
    private ScheduledExecutorService sender;
    private long lastEventAt = System.currentTimeMillis();

    void start(@Observes StartupEvent event) {
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-live-rows");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sender != null) {
            sender.shutdownNow();
        }
        for (SseEventSink sink : sinks) {
            sinks.remove(sink);
            try {
                sink.close();
            } catch (RuntimeException e) {
                // closed by its client already
            }
        }
    }

    @Override
    public Stage stage() {
        return Stage.CONSOLE;
    }

    /** Step 1: O(1) on the probe's thread. */
    @Override
    public void onProbe(ProbeCompleted event) {
        if (!matches(lastSent.get(event.origin()), event.verdict())) {
            synchronized (queued) {
                queued.add(event.origin());
            }
        }
    }

    void onRemoved(@Observes OriginRemoved event) {
        lastSent.remove(event.origin());
        changedAt.remove(event.origin());
    }

    /** The number of the last recorded change: a page rendered now shows every change up to it. */
    public long sequence() {
        return sequence.get();
    }

    /**
     * A browser's event stream, which has seen every change up to {@code after} (the page's
     * {@link #sequence()}, or the last event id it received): first the rows changed since, to this
     * stream only, then whatever is broadcast.
     */
    void register(SseEventSink sink, Sse sse, long after) {
        this.sse = sse;
        sinks.add(sink);
        try {
            sink.send(sse.newEventBuilder()
                    .comment("originwatch live rows")
                    .reconnectDelay(RETRY_MILLIS)
                    .build());
            catchUp(sink, sse, after);
        } catch (IllegalStateException e) {
            // the client left before its catch-up was written
            sinks.remove(sink);
        }
    }

    private void catchUp(SseEventSink sink, Sse sse, long after) {
        List<Map.Entry<String, Long>> missed = changedAt.entrySet().stream()
                .filter(e -> e.getValue() > after)
                .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .limit(MAX_CATCH_UP_ROWS)
                .toList();
        if (missed.isEmpty()) {
            return;
        }
        for (int i = missed.size() - 1; i >= 0; i--) { // oldest first, as they happened
            String name = missed.get(i).getKey();
            Optional<OriginState> state = registry.state(name);
            if (state.isEmpty()) {
                continue;
            }
            OriginView v = OriginView.listed(state.get(), evidence, maintenance, registry.ownership());
            Overview.Row row = overview.row(state.get(), v);
            sink.send(event(
                    sse,
                    row.id(),
                    Templates.overview$row(row).render(),
                    missed.get(i).getValue()));
        }
        sink.send(event(
                sse, "counts", Templates.overview$counts(overview.counts()).render(), sequence.get()));
    }

    int queuedCount() {
        synchronized (queued) {
            return queued.size();
        }
    }

    /** Step 2 (and 3): the one sender. */
    void tick() {
        try {
            List<String> names = take();
            boolean anyone = !sinks.isEmpty();
            int sent = 0;
            for (String name : names) {
                Optional<OriginState> state = registry.state(name);
                if (state.isEmpty()) {
                    continue;
                }
                OriginView v = OriginView.listed(state.get(), evidence, maintenance, registry.ownership());
                String key = key(v);
                if (key.equals(lastSent.put(name, key))) {
                    continue; // back to what was last sent before this tick: nothing to show
                }
                long seq = sequence.incrementAndGet();
                changedAt.put(name, seq);
                if (anyone) {
                    Overview.Row row = overview.row(state.get(), v);
                    send(row.id(), Templates.overview$row(row).render(), seq);
                    sent++;
                }
            }
            if (sent > 0) {
                send("counts", Templates.overview$counts(overview.counts()).render(), sequence.get());
            } else if (anyone && System.currentTimeMillis() - lastEventAt >= KEEP_ALIVE_MILLIS) {
                broadcast(sse.newEventBuilder().comment("keep-alive").build());
                lastEventAt = System.currentTimeMillis();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "console live rows: tick failed");
        }
    }

    private List<String> take() {
        List<String> names = new ArrayList<>();
        synchronized (queued) {
            Iterator<String> it = queued.iterator();
            while (it.hasNext() && names.size() < MAX_ROWS_PER_TICK) {
                names.add(it.next());
                it.remove();
            }
        }
        return names;
    }

    private void send(String name, String html, long id) {
        broadcast(event(sse, name, html, id));
        lastEventAt = System.currentTimeMillis();
    }

    /** Writes {@code event} to every open stream; a closed or failing one is dropped. */
    private void broadcast(OutboundSseEvent event) {
        for (SseEventSink sink : sinks) {
            if (sink.isClosed()) {
                sinks.remove(sink);
                continue;
            }
            try {
                sink.send(event).whenComplete((ok, e) -> {
                    if (e != null) {
                        sinks.remove(sink);
                        LOG.debugf("console event stream closed: %s", e.toString());
                    }
                });
            } catch (IllegalStateException e) {
                sinks.remove(sink);
            }
        }
    }

    private static OutboundSseEvent event(Sse sse, String name, String html, long id) {
        return sse.newEventBuilder()
                .name(name)
                .id(Long.toString(id))
                .data(String.class, html.strip())
                .reconnectDelay(RETRY_MILLIS)
                .build();
    }

    static String key(Verdict v) {
        return key(
                v.cause().label(),
                v.edgeStatus(),
                v.warnings().stream().map(Warning::label).toList());
    }

    static String key(OriginView v) {
        return key(v.cause(), v.edgeStatus() == null ? 0 : v.edgeStatus(), v.warnings());
    }

    /**
     * {@code key(v).equals(key)}, without building the key: this runs after every probe, and
     * nearly always finds the row unchanged.
     */
    static boolean matches(String key, Verdict v) {
        if (key == null) {
            return false;
        }
        String cause = v.cause().label();
        int at = cause.length();
        if (!key.startsWith(cause) || key.length() <= at || key.charAt(at) != '|') {
            return false;
        }
        at = matchesNumber(key, at + 1, v.edgeStatus());
        if (at < 0 || key.length() <= at || key.charAt(at) != '|') {
            return false;
        }
        at++;
        List<Warning> warnings = v.warnings();
        for (int i = 0; i < warnings.size(); i++) {
            if (i > 0) {
                if (key.length() <= at || key.charAt(at) != ',') {
                    return false;
                }
                at++;
            }
            String label = warnings.get(i).label();
            if (!key.startsWith(label, at)) {
                return false;
            }
            at += label.length();
        }
        return at == key.length();
    }

    /** Where the decimal {@code n} (as {@code "" + n} writes it) ends in {@code key} from {@code at}; -1 if not there. */
    private static int matchesNumber(String key, int at, int n) {
        if (n < 0) {
            String digits = Integer.toString(n);
            return key.startsWith(digits, at) ? at + digits.length() : -1;
        }
        int length = 1;
        for (int rest = n / 10; rest > 0; rest /= 10) {
            length++;
        }
        if (key.length() < at + length) {
            return -1;
        }
        int rest = n;
        for (int i = at + length - 1; i >= at; i--) {
            if (key.charAt(i) != (char) ('0' + rest % 10)) {
                return -1;
            }
            rest /= 10;
        }
        return at + length;
    }

    private static String key(String cause, int edgeStatus, List<String> warnings) {
        return cause + "|" + edgeStatus + "|" + String.join(",", warnings);
    }
}
