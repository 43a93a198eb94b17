package io.originwatch.app;

import io.originwatch.cluster.ClusterEdge;
import io.originwatch.cluster.ClusterMember;
import io.originwatch.cluster.ClusterTasks;
import io.originwatch.config.ClusterSettings;
import io.originwatch.metrics.ClusterMetrics;
import io.originwatch.metrics.OriginMetrics;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Cluster mode's wiring. Standalone (the default) this bean does nothing and no Hazelcast class is
 * loaded. In cluster mode it starts the member before any origin is scheduled, hands its ownership
 * to the registry, and on every cluster change reassigns the origins, logging a change of quorum
 * once.
 */
@ApplicationScoped
public class ClusterRuntime implements ProbeObserver {

    private static final Logger LOG = Logger.getLogger(ClusterRuntime.class);

    @Inject
    OriginRegistry registry;

    @Inject
    ClusterMetrics metrics;

    @Inject
    OriginMetrics originMetrics;

    @Inject
    AlertingService alerting;

    @Inject
    EdgeRuntime edge;

    @Inject
    EvidenceRecorder evidence;

    /** Runs probes other members forward here (the API provides it). */
    @Inject
    Instance<ClusterTasks.ProbeHandler> probeHandler;

    /** How often each member publishes and compares its origin set. */
    static final Duration ORIGIN_SET_CHECK = Duration.ofSeconds(15);

    private volatile ClusterMember member;
    private volatile ClusterEdge clusterEdge;
    private volatile ScheduledExecutorService checks;
    private volatile Map<String, String> mismatched = Map.of();
    private volatile boolean quorum = true;
    /** Cluster mode only: standalone encodes no snapshot and reads none. */
    private volatile StateHandover handover;

    /** Joins the cluster (cluster mode only); returns once this member is part of it. */
    void start(ClusterSettings settings) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, Object> context = new HashMap<>();
        if (probeHandler.isResolvable()) {
            var e = ClusterTasks.handlerEntry(probeHandler.get());
            context.put(e.getKey(), e.getValue());
        }
        var refresh = ClusterEdge.handlerEntry(edge::refreshForPeer);
        context.put(refresh.getKey(), refresh.getValue());
        ClusterMember m = ClusterMember.start(settings, this::changed, context);
        StateHandover h = new StateHandover(
                m.snapshots(), registry::state, registry::ownership, alerting.dispatcher(), evidence.carried());
        handover = h;
        member = m;
        clusterEdge = new ClusterEdge(m);
        edge.joinCluster(clusterEdge);
        quorum = m.quorum();
        registry.ownBy(m, h::gained);
        metrics.clusterStarted(() -> mismatched.size());
        LOG.infof(
                "cluster %s: member %s joined, %d member(s), min-members %d",
                m.name(), m.self(), m.members(), m.minMembers());
        logQuorum(m);
        checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "originwatch-cluster-check");
            t.setDaemon(true);
            return t;
        });
        checks.scheduleWithFixedDelay(this::compareOriginSets, 0, ORIGIN_SET_CHECK.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Every member must read the same configuration: publishes this member's origin set and says so
     * (a WARN naming the members that differ, and the gauge) when another member's differs, and
     * again (INFO) once they match. Runs every {@link #ORIGIN_SET_CHECK}, so a reload that brings
     * members apart or together shows within that.
     */
    synchronized void compareOriginSets() {
        ClusterMember m = member;
        if (m == null) {
            return;
        }
        try {
            List<String> names = registry.states().stream()
                    .map(s -> s.origin().name())
                    .sorted()
                    .toList();
            String digest = digest(names);
            m.publishOriginSet(digest, ORIGIN_SET_CHECK.multipliedBy(4));
            Map<String, String> differing = m.originSetsDifferingFrom(digest);
            if (!differing.equals(mismatched)) {
                if (!differing.isEmpty()) {
                    LOG.warnf(
                            "cluster: origin sets differ: this member (%s) runs %s; %s. Every member must read "
                                    + "the same configuration (one ConfigMap): an origin missing on its owner is "
                                    + "probed by nobody",
                            m.self(),
                            digest,
                            differing.entrySet().stream()
                                    .map(e -> e.getKey() + " runs " + e.getValue())
                                    .collect(Collectors.joining("; ")));
                } else if (!mismatched.isEmpty()) {
                    LOG.infof("cluster: every member's origin set matches this member's again (%s)", digest);
                }
                mismatched = differing;
            }
        } catch (RuntimeException e) {
            // a member leaving mid-read; the next check compares again
            LOG.debugf("cluster: comparing origin sets failed: %s", e.toString());
        }
    }

    /** {@code N origins, sha256 <16 hex digits>} of the sorted names. */
    static String digest(List<String> sortedNames) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String n : sortedNames) {
                sha.update(n.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return sortedNames.size() + " origins, sha256 " + HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void changed() {
        ClusterMember m = member;
        if (m == null) {
            return;
        }
        try {
            OriginRegistry.Reassignment r = registry.reassign();
            r.lost().forEach(originMetrics::disowned);
            releaseNotScheduled();
            if (!r.gained().isEmpty() || !r.lost().isEmpty()) {
                LOG.infof(
                        "cluster: %d member(s); took over %d origin(s), handed over %d, owning %d",
                        m.members(), r.gained().size(), r.lost().size(), registry.owned());
            }
            compareOriginSets();
            boolean now = m.quorum();
            if (now != quorum) {
                quorum = now;
                logQuorum(m);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cluster: reassigning origins failed: %s", e.toString());
        }
    }

    /**
     * The alert state of every origin not scheduled on this member is forgotten without a
     * notification (its owner carries it on): the ones it just handed over, and ones restored from
     * the state file at start that another member owns. So this member re-posts no alert it does not
     * own. Under the registry's lock: an origin that starts here meanwhile (its snapshot just
     * continued) is not released after.
     */
    private void releaseNotScheduled() {
        StateHandover h = handover;
        if (h == null) {
            return;
        }
        registry.withUnscheduled(h::lost);
    }

    /** Last of the probe observers: the snapshot carries what the alert tracker made of the result. */
    @Override
    public Stage stage() {
        return Stage.HANDOVER;
    }

    /**
     * After each probe (and after the alert tracker saw it: {@link Stage#HANDOVER} comes after
     * {@link Stage#ALERTS}), the owner publishes the origin's snapshot. Standalone: nothing at all.
     */
    @Override
    public void onProbe(ProbeCompleted event) {
        StateHandover h = handover;
        if (h != null) {
            h.recorded(event.origin(), event.inMaintenance());
        }
    }

    /**
     * The origins of {@code source} in order, each chunk of {@link StateHandover#READ_CHUNK} read
     * ahead and brought up to date from the owners' snapshots for those this member does not own
     * (cluster mode; standalone it is {@code source} itself): what the API and the console show of
     * the whole fleet on any member.
     */
    public <T extends OriginStateView> Iterable<T> current(Iterable<T> source) {
        StateHandover h = handover;
        if (h == null) {
            return source;
        }
        return () -> new Iterator<T>() {
            private final Iterator<T> in = source.iterator();
            private final ArrayDeque<T> ahead = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                if (ahead.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    while (in.hasNext() && ahead.size() < StateHandover.READ_CHUNK) {
                        T t = in.next();
                        ahead.add(t);
                        names.add(t.origin().name());
                    }
                    h.refresh(names);
                }
                return !ahead.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ahead.poll();
            }
        };
    }

    /** One origin brought up to date as {@link #current} does. */
    public <T extends OriginStateView> T current(T state) {
        StateHandover h = handover;
        if (h != null) {
            h.refresh(List.of(state.origin().name()));
        }
        return state;
    }

    private static void logQuorum(ClusterMember m) {
        if (!m.quorum()) {
            LOG.warnf(
                    "cluster: %d member(s) seen, below originwatch.cluster.min-members=%d: not probing or paging "
                            + "and not ready until enough members are back (split-brain protection)",
                    m.members(), m.minMembers());
        } else {
            LOG.infof(
                    "cluster: %d member(s), min-members %d reached: probing owned origins",
                    m.members(), m.minMembers());
        }
    }

    /** The member, in cluster mode. */
    public Optional<ClusterMember> member() {
        return Optional.ofNullable(member);
    }

    /** Leaves the cluster gracefully (after the scheduler stopped). */
    void stop() {
        ClusterMember m = member;
        member = null;
        handover = null;
        if (checks != null) {
            checks.shutdownNow();
        }
        if (clusterEdge != null) {
            clusterEdge.close();
        }
        if (m != null) {
            m.shutdown();
        }
    }
}
