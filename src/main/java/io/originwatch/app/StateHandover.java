package io.originwatch.app;

import io.originwatch.alert.ActiveAlert;
import io.originwatch.alert.AlertDispatcher;
import io.originwatch.alert.SavedOrigin;
import io.originwatch.alert.Thresholds;
import io.originwatch.classify.Cause;
import io.originwatch.handover.CarriedEvidence;
import io.originwatch.handover.OriginSnapshot;
import io.originwatch.handover.SnapshotCodec;
import io.originwatch.handover.SnapshotStore;
import io.originwatch.origin.Ownership;
import io.originwatch.schedule.OriginState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;

/**
 * State continuity across a move of an origin between cluster members:
 * <ol>
 * <li>after a probe of an origin it owns, a member publishes the origin's snapshot (latest
 * result, streak, last cause change, alert state) to the {@link SnapshotStore} when it matters
 * ({@link Published}: every probe of a failing or alerting origin, a healthy one in a steady
 * state at most every 60 s); asynchronously, a probe never waits for the cluster;</li>
 * <li>a member that takes an origin over reads its snapshot before the origin's first probe there
 * and continues from it: the result, streak and last cause change when the snapshot is as new or
 * newer than what the member has (a member that owned the origin earlier has an older state), the
 * alert state in any case (only an owner pages, so the last owner's is what the receivers know):
 * nothing is sent, and the next bad probes count on from the previous owner's streak;</li>
 * <li>a member that gives an origin up forgets its alert state without a notification, so it
 * stops re-posting the alert; the new owner resolves it when the origin recovers;</li>
 * <li>before showing origins it does not own, a member reads their snapshots, in chunks of
 * {@link #READ_CHUNK} (one round trip each), and shows the owners' newer results. Such a read
 * waits at most {@link #DISPLAY_READ_DEADLINE}: a member that stopped answering (frozen, or
 * partitioned away and not yet declared dead, 60 s by Hazelcast's default) would otherwise hold
 * every API and console answer on every member that long. Past the deadline the member shows its
 * own state, and reads no snapshots for display until that read returns;</li>
 * <li>a snapshot published while the origin is failing also carries the last failing direct
 * probe's evidence ({@link CarriedEvidence}: its HAR as the evidence API serves it, redacted),
 * rendered only when that probe changed since the last publish; a member that continues from the
 * snapshot, or shows it, hands it to its {@link Evidence} (which serves it until it has a failing
 * probe of its own). A healthy origin carries none;</li>
 * <li>a snapshot that cannot be read is logged (once per origin until one can be read again) and
 * left alone: the member keeps its own state; nothing here throws.</li>
 * </ol>
 */
final class StateHandover {

    private static final Logger LOG = Logger.getLogger(StateHandover.class);

    /** Origins per {@link SnapshotStore#getAll}. */
    static final int READ_CHUNK = 500;

    /** How long a read for display ({@link #refresh}) waits for the owners' snapshots. */
    static final Duration DISPLAY_READ_DEADLINE = Duration.ofSeconds(2);

    /** What {@link #gained} did. */
    record Continued(int continued, int firing, int without, int refused) {}

    private final SnapshotStore store;
    private final Function<String, Optional<OriginState>> states;
    private final Supplier<Ownership> ownership;
    private final AlertDispatcher alerts;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, Published> published = new ConcurrentHashMap<>();
    /**
     * CRC-32C of the snapshot bytes last applied to each origin this member does not own: a list
     * read decodes (about 130 us each) only the snapshots that changed since, so reading the fleet
     * again costs a fetch and a checksum per unchanged origin.
     */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    private final Duration displayDeadline;
    /** A read for display past its deadline and not returned yet (null when none). */
    private final AtomicReference<CompletableFuture<Map<String, byte[]>>> slowRead = new AtomicReference<>();

    /**
     * What this member last published of an origin it owns. After every probe of an origin that
     * is failing, has a firing alert, changed its cause or counts successes towards a resolve, a
     * snapshot is published; a healthy origin past its success threshold with no alert (most of a
     * fleet, most of the time) is published at most every {@link #REFRESH_NANOS}: more successes
     * change nothing a next owner decides on, and only its latest timings and success count lag on
     * the other members. This keeps the encoding off most probes.
     */
    record Published(Cause cause, ActiveAlert firing, long atNanos, Instant failingAt, CarriedEvidence carried) {
        boolean worthPublishingAfter(Cause now, SavedOrigin alert, Thresholds t, long nanos) {
            ActiveAlert f = alert == null ? null : alert.firing();
            if (now == null || !now.healthy() || f != null || firing != null || now != cause) {
                return true;
            }
            if (alert != null && alert.successes() <= t.successes()) {
                return true;
            }
            return nanos - atNanos >= REFRESH_NANOS;
        }
    }

    /** A snapshot in a steady state is published at least this often (the non-owners' view lags at most this). */
    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Where the kept evidence is: what this member's evidence recorder offers the handover. */
    interface Evidence {
        /** No evidence kept (carries and keeps nothing). */
        Evidence NONE = new Evidence() {
            @Override
            public Optional<Instant> lastFailingAt(String origin) {
                return Optional.empty();
            }

            @Override
            public Optional<CarriedEvidence> renderLastFailing(String origin) {
                return Optional.empty();
            }

            @Override
            public void received(String origin, CarriedEvidence evidence) {}
        };

        /** When this member's last failing direct probe of {@code origin} started, if it has one. */
        Optional<Instant> lastFailingAt(String origin);

        /** That probe's evidence, rendered and redacted; empty when none or over {@link CarriedEvidence#MAX_HAR_BYTES}. */
        Optional<CarriedEvidence> renderLastFailing(String origin);

        /** Another member's last failing evidence of {@code origin}, from its snapshot. */
        void received(String origin, CarriedEvidence evidence);
    }

    private final Evidence evidence;

    StateHandover(
            SnapshotStore store,
            Function<String, Optional<OriginState>> states,
            Supplier<Ownership> ownership,
            AlertDispatcher alerts) {
        this(store, states, ownership, alerts, Evidence.NONE);
    }

    StateHandover(
            SnapshotStore store,
            Function<String, Optional<OriginState>> states,
            Supplier<Ownership> ownership,
            AlertDispatcher alerts,
            Evidence evidence) {
        this(store, states, ownership, alerts, evidence, DISPLAY_READ_DEADLINE);
    }

    StateHandover(
            SnapshotStore store,
            Function<String, Optional<OriginState>> states,
            Supplier<Ownership> ownership,
            AlertDispatcher alerts,
            Evidence evidence,
            Duration displayDeadline) {
        this.store = store;
        this.states = states;
        this.ownership = ownership;
        this.alerts = alerts;
        this.evidence = evidence;
        this.displayDeadline = displayDeadline;
    }

    /** Rule 1: after a probe of {@code origin} was recorded and the alert tracker has seen it. */
    void recorded(String origin, boolean inMaintenance) {
        if (!ownership.get().owns(origin)) {
            return;
        }
        OriginState state = states.apply(origin).orElse(null);
        if (state == null) {
            return;
        }
        try {
            SavedOrigin alert = alerts.saved(origin).orElse(null);
            Cause cause = state.latest().map(r -> r.verdict().cause()).orElse(null);
            long now = System.nanoTime();
            Published before = published.get(origin);
            if (before != null && !before.worthPublishingAfter(cause, alert, alerts.thresholds(origin), now)) {
                return;
            }
            Optional<OriginSnapshot> s = state.snapshot(alert, inMaintenance);
            if (s.isPresent()) {
                boolean failing = !s.get().latest().verdict().up();
                Instant failingAt = failing ? evidence.lastFailingAt(origin).orElse(null) : null;
                CarriedEvidence carried = null;
                if (failingAt != null) {
                    carried = before != null && failingAt.equals(before.failingAt())
                            ? before.carried()
                            : evidence.renderLastFailing(origin).orElse(null);
                }
                store.put(origin, encode(s.get(), carried));
                published.put(
                        origin, new Published(cause, alert == null ? null : alert.firing(), now, failingAt, carried));
            }
        } catch (SnapshotCodec.Refused e) {
            LOG.warnf("cluster: %s; the next owner starts the origin from its own state", e.getMessage());
        } catch (RuntimeException e) {
            LOG.debugf("cluster: publishing the snapshot of origin=%s failed: %s", origin, e.toString());
        }
    }

    private static byte[] encode(OriginSnapshot s, CarriedEvidence carried) throws SnapshotCodec.Refused {
        if (carried == null) {
            return SnapshotCodec.encode(s);
        }
        try {
            return SnapshotCodec.encode(s.carrying(carried));
        } catch (SnapshotCodec.Refused e) {
            LOG.debugf(
                    "cluster: origin=%s last failing HAR (%d bytes) left out of the snapshot: %s",
                    s.origin(), carried.har().length, e.getMessage());
            return SnapshotCodec.encode(s);
        }
    }

    /** Rule 2: {@code names} were taken over and are not scheduled yet. */
    Continued gained(List<String> names) {
        int continued = 0;
        int firing = 0;
        int without = 0;
        int refusedNow = 0;
        int newerHere = 0;
        for (List<String> chunk : chunks(names)) {
            Map<String, byte[]> got = read(chunk);
            for (String name : chunk) {
                OriginState state = states.apply(name).orElse(null);
                byte[] bytes = got.get(name);
                if (state == null) {
                    continue;
                }
                if (bytes == null) {
                    without++;
                    continue;
                }
                Optional<OriginSnapshot> s = decode(name, bytes, state);
                if (s.isEmpty()) {
                    refusedNow++;
                    continue;
                }
                if (state.continueFrom(s.get(), true)) {
                    carry(name, s.get());
                } else {
                    newerHere++;
                }
                // the alert state is the last owner's in any case: only an owner pages, so it is what
                // the receivers know. A newer result here comes from probes this member ran while it
                // did not own the origin (a frozen member resuming fires its missed run before it
                // learns it lost the origin) and has forgotten their alert state since.
                alerts.continueFrom(name, s.get().alert());
                continued++;
                if (s.get().alert() != null && s.get().alert().firing() != null) {
                    firing++;
                }
            }
        }
        Continued c = new Continued(continued, firing, without, refusedNow);
        LOG.infof(
                "cluster: took over %d origin(s): %d continued from their previous owner's snapshot (%d with a firing"
                        + " alert, %d keeping this member's newer result), %d without a snapshot, %d refused",
                names.size(), continued, firing, newerHere, without, refusedNow);
        return c;
    }

    /** Rule 3: {@code names} are no longer this member's. */
    void lost(Collection<String> names) {
        for (String name : names) {
            alerts.release(name);
            published.remove(name);
        }
    }

    /** Rule 4: the owners' newer states of those of {@code names} this member does not own. */
    void refresh(Collection<String> names) {
        Ownership o = ownership.get();
        List<String> others = names.stream().filter(n -> !o.owns(n)).toList();
        for (List<String> chunk : chunks(others)) {
            Map<String, byte[]> got = readForDisplay(chunk);
            got.forEach((name, bytes) -> {
                Optional<OriginState> state = states.apply(name);
                if (state.isEmpty()) {
                    applied.remove(name);
                    return;
                }
                long crc = crc(bytes);
                Long before = applied.get(name);
                if (before != null && before == crc) {
                    return; // applied already (or older than this member's own state then)
                }
                decode(name, bytes, state.get()).ifPresent(s -> {
                    state.get().continueFrom(s, false);
                    carry(name, s);
                    applied.put(name, crc);
                });
            });
        }
    }

    private void carry(String name, OriginSnapshot s) {
        if (s.failing() != null) {
            evidence.received(name, s.failing());
        }
    }

    private Map<String, byte[]> read(List<String> chunk) {
        try {
            return store.getAll(chunk);
        } catch (RuntimeException e) {
            // a member leaving mid-read: these origins go on from this member's own state
            LOG.infof("cluster: reading %d snapshot(s) failed: %s", chunk.size(), e.toString());
            return Map.of();
        }
    }

    /**
     * {@link #read}, waiting at most the display deadline; nothing (this member's own state is
     * shown) past it, and at once while an earlier read is still out. A take-over ({@link #gained})
     * waits for its read instead: there the snapshot decides who pages.
     */
    private Map<String, byte[]> readForDisplay(List<String> chunk) {
        CompletableFuture<Map<String, byte[]>> slow = slowRead.get();
        if (slow != null) {
            if (!slow.isDone()) {
                return Map.of();
            }
            if (slowRead.compareAndSet(slow, null)) {
                LOG.info("cluster: the slow snapshot read returned; showing the owners' results again");
            }
        }
        CompletableFuture<Map<String, byte[]>> f = CompletableFuture.supplyAsync(
                () -> read(chunk),
                r -> Thread.ofVirtual().name("originwatch-snapshot-read").start(r));
        try {
            return f.get(displayDeadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (slowRead.compareAndSet(null, f)) {
                LOG.infof(
                        "cluster: the owners' snapshots of %d origin(s) did not arrive within %d ms (a member not"
                                + " answering?); showing this member's own state of the origins it does not own until"
                                + " that read returns",
                        chunk.size(), displayDeadline.toMillis());
            }
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException e) {
            return Map.of(); // read() logs and answers nothing rather than throwing
        }
    }

    private Optional<OriginSnapshot> decode(String name, byte[] bytes, OriginState state) {
        try {
            OriginSnapshot s = SnapshotCodec.decode(name, bytes, state.origin().spec());
            refused.remove(name);
            return Optional.of(s);
        } catch (SnapshotCodec.Refused e) {
            if (refused.add(name)) {
                LOG.warnf("cluster: %s; this member keeps its own state of the origin", e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    private static List<List<String>> chunks(List<String> names) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += READ_CHUNK) {
            out.add(names.subList(i, Math.min(names.size(), i + READ_CHUNK)));
        }
        return out;
    }
}
