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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * </ol>
 */
@ApplicationScoped
public class LiveRows {

    private static final Logger LOG = Logger.getLogger(LiveRows.class);

    static final long PERIOD_MILLIS = 500;
    static final int MAX_ROWS_PER_TICK = 100;
    static final long KEEP_ALIVE_MILLIS = 15_000;
    static final long RETRY_MILLIS = 2_000;

    @Inject
    OriginRegistry registry;

    @Inject
    OverviewBuilder overview;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    MaintenanceService maintenance;

    private final Map<String, String> lastSent = new ConcurrentHashMap<>();
    private final LinkedHashSet<String> queued = new LinkedHashSet<>();
    private final AtomicInteger clients = new AtomicInteger();
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;
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
        SseBroadcaster b = broadcaster;
        if (b != null) {
            b.close();
        }
    }

    /** Step 1: O(1) on the probe's thread. */
    void onProbe(@Observes ProbeCompleted event) {
        if (!key(event.verdict()).equals(lastSent.get(event.origin()))) {
            synchronized (queued) {
                queued.add(event.origin());
            }
        }
    }

    void onRemoved(@Observes OriginRemoved event) {
        lastSent.remove(event.origin());
    }

    /** A browser's event stream. */
    void register(SseEventSink sink, Sse sse) {
        synchronized (this) {
            if (broadcaster == null) {
                this.sse = sse;
                broadcaster = sse.newBroadcaster();
                broadcaster.onClose(s -> clients.decrementAndGet());
                broadcaster.onError((s, e) -> LOG.debugf("console event stream closed: %s", e.toString()));
            }
        }
        clients.incrementAndGet();
        broadcaster.register(sink);
        sink.send(sse.newEventBuilder()
                .comment("originwatch live rows")
                .reconnectDelay(RETRY_MILLIS)
                .build());
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
            boolean anyone = broadcaster != null && clients.get() > 0;
            int sent = 0;
            for (String name : names) {
                Optional<OriginState> state = registry.state(name);
                if (state.isEmpty()) {
                    continue;
                }
                OriginView v = OriginView.listed(state.get(), evidence, maintenance, registry.ownership());
                lastSent.put(name, key(v));
                if (anyone) {
                    Overview.Row row = overview.row(state.get(), v);
                    send(row.id(), Templates.overview$row(row).render());
                    sent++;
                }
            }
            if (sent > 0) {
                send("counts", Templates.overview$counts(overview.counts()).render());
            } else if (anyone && System.currentTimeMillis() - lastEventAt >= KEEP_ALIVE_MILLIS) {
                broadcaster.broadcast(
                        sse.newEventBuilder().comment("keep-alive").build());
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

    private void send(String name, String html) {
        broadcaster.broadcast(sse.newEventBuilder()
                .name(name)
                .data(String.class, html.strip())
                .reconnectDelay(RETRY_MILLIS)
                .build());
        lastEventAt = System.currentTimeMillis();
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

    private static String key(String cause, int edgeStatus, List<String> warnings) {
        return cause + "|" + edgeStatus + "|" + String.join(",", warnings);
    }
}
