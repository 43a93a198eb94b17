package io.originwatch.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import inet.ipaddr.IPAddress;
import io.originwatch.edge.allowlist.AllowlistMonitor;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.edge.cidr.Cidrs;
import io.originwatch.edge.ranges.EdgeRangeService;
import io.originwatch.edge.ranges.EdgeRanges;
import io.originwatch.edge.ranges.RefreshOutcome;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Edge ranges and allowlist drift in cluster mode: one member fetches and checks, every member
 * serves the result.
 * <ol>
 * <li>The member owning the partition of {@link #KEY} (the same partition-owner rule as origins,
 * and only with quorum: {@link #leads()}) refreshes the ranges and checks the allowlists at its
 * slots, and {@link #publish publishes} the outcome: the ranges in force with their fetch facts,
 * its last refresh and the allowlist statuses, as one entry of the IMap {@link #MAP} under
 * {@link #KEY} (kept with a backup, so the entry outlives its writer).</li>
 * <li>Every member {@link #follow follows} that entry: the current one at once (a member that joins
 * late serves the ranges without waiting for a refresh), then every update, on a thread of its own.
 * {@link #apply} puts it through the member's own range service (the same validation and shrink
 * guard; a refused list is logged, the last good one stays) and allowlist monitor.</li>
 * <li>A manual refresh asked of another member runs on the owner ({@link #refreshOnOwner}).</li>
 * <li>When the owner dies or leaves, the key's partition moves and its new owner refreshes at its
 * next slot.</li>
 * </ol>
 * The entry carries only what the API shows anyway: ranges, times, results, allowlist names and
 * their sources' descriptions.
 */
public final class ClusterEdge implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterEdge.class.getName());

    /** The fixed key whose partition owner fetches and checks. */
    public static final String KEY = "originwatch-edge";

    /** The IMap holding the latest published edge state under {@link #KEY}. */
    static final String MAP = "originwatch-edge";

    /** User-context key of this member's {@link RefreshHandler}. */
    static final String REFRESH_HANDLER = "originwatch.edge-refresh";

    /** Named executor for forwarded refreshes (they wait on the feeds). */
    static final String EXECUTOR = "originwatch-edge-refresh";

    /** The ranges in force on the publishing member. */
    public record RangesState(
            String provider, String source, Instant fetchedAt, String etag, List<String> entries, boolean forced)
            implements Serializable {
        public RangesState {
            entries = List.copyOf(entries);
        }
    }

    /** One allowlist's last check on the publishing member ({@link AllowlistStatus} as text). */
    public record AllowlistState(
            String name,
            String source,
            Instant checkedAt,
            String state,
            List<String> missing,
            List<String> extra,
            BigInteger missingIpv4Addresses,
            String error)
            implements Serializable {
        public AllowlistState {
            missing = List.copyOf(missing);
            extra = List.copyOf(extra);
        }
    }

    /**
     * What the fetching member publishes. {@code ranges} is null while it has no list;
     * {@code lastRefresh*} null before its first refresh.
     */
    public record EdgeState(
            String publisherUuid,
            String publisher,
            Instant publishedAt,
            RangesState ranges,
            Instant lastRefreshAt,
            String lastRefreshResult,
            String lastRefreshDetail,
            List<AllowlistState> allowlists)
            implements Serializable {
        public EdgeState {
            allowlists = List.copyOf(allowlists);
        }
    }

    /** A refresh run on the owner, as the API shows it. */
    public record RefreshReply(String ranOn, String result, String detail, List<String> added, List<String> removed)
            implements Serializable {
        public RefreshReply {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    /** Runs a refresh on this member (the owner) and publishes it; given to the member at start. */
    @FunctionalInterface
    public interface RefreshHandler {
        RefreshReply refreshHere(boolean force);
    }

    /** The user-context entry that lets other members run refreshes here. */
    public static java.util.Map.Entry<String, Object> handlerEntry(RefreshHandler handler) {
        return java.util.Map.entry(REFRESH_HANDLER, handler);
    }

    private final ClusterMember member;
    private final HazelcastInstance hz;
    private final ExecutorService applying = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "originwatch-cluster-edge");
        t.setDaemon(true);
        return t;
    });
    private volatile UUID listenerId;

    public ClusterEdge(ClusterMember member) {
        this.member = member;
        this.hz = member.hazelcast();
    }

    /** True when this member fetches and checks now: it owns {@link #KEY}'s partition, with quorum. */
    public boolean leads() {
        return member.owns(KEY);
    }

    /** The member that fetches and checks, as {@code host:port}. */
    public Optional<String> owner() {
        return member.ownerOf(KEY);
    }

    public String self() {
        return member.self();
    }

    private IMap<String, EdgeState> map() {
        return hz.getMap(MAP);
    }

    /** The state last published by the member that fetches, if any. */
    public Optional<EdgeState> published() {
        return Optional.ofNullable(map().get(KEY));
    }

    /** Publishes this member's edge state for the others (the owner calls it after each refresh and check). */
    public void publish(EdgeRangeService ranges, boolean forced, AllowlistMonitor monitor) {
        EdgeState state = state(ranges, forced, monitor);
        map().set(KEY, state);
    }

    EdgeState state(EdgeRangeService ranges, boolean forced, AllowlistMonitor monitor) {
        EdgeRanges r = ranges.current();
        RangesState rs = r == null
                ? null
                : new RangesState(r.provider(), r.source(), r.fetchedAt(), r.etag(), strings(r.all()), forced);
        EdgeRangeService.LastRefresh last = ranges.lastRefresh().orElse(null);
        List<AllowlistState> lists = new ArrayList<>();
        for (AllowlistStatus s : monitor.statuses()) {
            lists.add(new AllowlistState(
                    s.name(),
                    s.source(),
                    s.checkedAt(),
                    s.state().label(),
                    strings(s.missing()),
                    strings(s.extra()),
                    s.missingIpv4Addresses(),
                    s.error()));
        }
        return new EdgeState(
                hz.getCluster().getLocalMember().getUuid().toString(),
                member.self(),
                Instant.now(),
                rs,
                last == null ? null : last.at(),
                last == null ? null : last.outcome().result(),
                last == null ? null : detail(last.outcome()),
                lists);
    }

    /**
     * Hands every state another member publishes to {@code apply}, on a thread of its own, in order:
     * first the current entry (if any), then each update. States this member published are skipped.
     */
    public void follow(Consumer<EdgeState> apply) {
        String me = hz.getCluster().getLocalMember().getUuid().toString();
        Consumer<EdgeState> others = s -> {
            if (s != null && !me.equals(s.publisherUuid())) {
                try {
                    apply.accept(s);
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "edge state from cluster member {0} not applied: {1}; last good state stays",
                            s.publisher(),
                            e.toString());
                }
            }
        };
        Listener listener = new Listener(s -> submit(() -> others.accept(s)));
        listenerId = map().addEntryListener(listener, KEY, true);
        submit(() -> others.accept(map().get(KEY)));
    }

    private void submit(Runnable r) {
        try {
            applying.execute(r);
        } catch (RejectedExecutionException e) {
            // leaving the cluster
        }
    }

    private record Listener(Consumer<EdgeState> onValue)
            implements EntryAddedListener<String, EdgeState>, EntryUpdatedListener<String, EdgeState> {
        @Override
        public void entryAdded(com.hazelcast.core.EntryEvent<String, EdgeState> event) {
            onValue.accept(event.getValue());
        }

        @Override
        public void entryUpdated(com.hazelcast.core.EntryEvent<String, EdgeState> event) {
            onValue.accept(event.getValue());
        }
    }

    /**
     * Applies another member's state to this member's range service and allowlist monitor, as if it
     * had fetched and checked: the ranges go through the service's own validation and shrink guard;
     * a list it refuses is logged there and its last good list stays.
     */
    public static RefreshOutcome apply(EdgeState s, EdgeRangeService ranges, AllowlistMonitor monitor) {
        RefreshOutcome outcome = new RefreshOutcome.Unchanged(ranges.current());
        RangesState rs = s.ranges();
        if (rs != null) {
            EdgeRangeService.LastRefresh last =
                    s.lastRefreshAt() == null ? null : new EdgeRangeService.LastRefresh(s.lastRefreshAt(), outcome(s));
            outcome = ranges.adopt(
                    s.publisher(),
                    rs.provider(),
                    rs.source(),
                    rs.fetchedAt(),
                    rs.etag(),
                    rs.entries(),
                    rs.forced(),
                    last);
        }
        List<AllowlistStatus> statuses = new ArrayList<>();
        for (AllowlistState a : s.allowlists()) {
            try {
                statuses.add(new AllowlistStatus(
                        a.name(),
                        a.source(),
                        a.checkedAt(),
                        AllowlistStatus.State.valueOf(a.state().toUpperCase(Locale.ROOT)),
                        blocks(a.missing()),
                        blocks(a.extra()),
                        a.missingIpv4Addresses(),
                        a.error()));
            } catch (IllegalArgumentException | NullPointerException e) {
                LOG.log(
                        Level.WARNING,
                        "allowlist={0} status from cluster member {1} refused: {2}; last status stays",
                        a.name(),
                        s.publisher(),
                        e.getMessage());
            }
        }
        List<String> ignored = monitor.adopt(statuses);
        if (!ignored.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "cluster member {0} checks allowlists this member does not define: {1} (every member must"
                            + " read the same configuration)",
                    s.publisher(),
                    ignored);
        }
        return outcome;
    }

    /** The publisher's last refresh, rebuilt for display (its ranges are not needed for that). */
    private static RefreshOutcome outcome(EdgeState s) {
        String detail = s.lastRefreshDetail();
        return switch (s.lastRefreshResult()) {
            case "rejected" -> new RefreshOutcome.Rejected(detail);
            case "failed" -> new RefreshOutcome.Failed(detail);
            case "updated" -> new RefreshOutcome.Updated(null, null);
            default -> new RefreshOutcome.Unchanged(null);
        };
    }

    /**
     * Runs a refresh on the owner of {@link #KEY} and returns its reply; throws
     * {@link OwnerUnavailableException} naming the owner when it does not answer within
     * {@code timeout} or fails.
     */
    public RefreshReply refreshOnOwner(boolean force, Duration timeout) {
        String owner = owner().orElse("(no owner)");
        Future<RefreshReply> f = hz.getExecutorService(EXECUTOR).submitToKeyOwner(new RefreshTask(force), KEY);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new OwnerUnavailableException(
                    owner, "the edge owner " + owner + " did not answer within " + timeout.toMillis() + " ms", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OwnerUnavailableException(owner, "interrupted waiting for the edge owner " + owner, false);
        } catch (ExecutionException e) {
            throw new OwnerUnavailableException(
                    owner,
                    "the edge owner " + owner + " could not refresh: " + ClusterTasks.reason(e.getCause()),
                    false);
        }
    }

    /** A refresh to run on the key's owner; carries only the force flag. */
    static final class RefreshTask implements Callable<RefreshReply>, Serializable, HazelcastInstanceAware {
        private final boolean force;
        private transient HazelcastInstance hz;

        RefreshTask(boolean force) {
            this.force = force;
        }

        @Override
        public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
            this.hz = hazelcastInstance;
        }

        @Override
        public RefreshReply call() {
            if (!(hz.getUserContext().get(REFRESH_HANDLER) instanceof RefreshHandler handler)) {
                throw new IllegalStateException("this member does not refresh edge ranges (edge off or starting)");
            }
            return handler.refreshHere(force);
        }
    }

    static String detail(RefreshOutcome o) {
        return switch (o) {
            case RefreshOutcome.Rejected r -> r.reason();
            case RefreshOutcome.Failed f -> f.reason();
            default -> null;
        };
    }

    static List<String> strings(List<IPAddress> blocks) {
        return blocks.stream().map(IPAddress::toString).toList();
    }

    private static List<IPAddress> blocks(List<String> texts) {
        return texts.stream().map(t -> Cidrs.parse(t, true)).toList();
    }

    @Override
    public void close() {
        UUID id = listenerId;
        if (id != null) {
            try {
                map().removeEntryListener(id);
            } catch (RuntimeException e) {
                // the member is already gone
            }
        }
        applying.shutdownNow();
    }
}
