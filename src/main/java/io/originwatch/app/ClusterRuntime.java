package io.originwatch.app;

import io.originwatch.cluster.ClusterMember;
import io.originwatch.config.ClusterSettings;
import io.originwatch.metrics.ClusterMetrics;
import io.originwatch.metrics.OriginMetrics;
import io.originwatch.schedule.OriginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Cluster mode's wiring. Standalone (the default) this bean does nothing and no Hazelcast class is
 * loaded. In cluster mode it starts the member before any origin is scheduled, hands its ownership
 * to the registry, and on every cluster change reassigns the origins, logging a change of quorum
 * once.
 */
@ApplicationScoped
public class ClusterRuntime {

    private static final Logger LOG = Logger.getLogger(ClusterRuntime.class);

    @Inject
    OriginRegistry registry;

    @Inject
    ClusterMetrics metrics;

    @Inject
    OriginMetrics originMetrics;

    private volatile ClusterMember member;
    private volatile boolean quorum = true;

    /** Joins the cluster (cluster mode only); returns once this member is part of it. */
    void start(ClusterSettings settings) {
        if (!settings.enabled()) {
            return;
        }
        ClusterMember m = ClusterMember.start(settings, this::changed);
        member = m;
        quorum = m.quorum();
        registry.ownBy(m);
        metrics.clusterStarted();
        LOG.infof(
                "cluster %s: member %s joined, %d member(s), min-members %d",
                m.name(), m.self(), m.members(), m.minMembers());
        logQuorum(m);
    }

    private void changed() {
        ClusterMember m = member;
        if (m == null) {
            return;
        }
        try {
            OriginRegistry.Reassignment r = registry.reassign();
            r.lost().forEach(originMetrics::disowned);
            if (!r.gained().isEmpty() || !r.lost().isEmpty()) {
                LOG.infof(
                        "cluster: %d member(s); took over %d origin(s), handed over %d, owning %d",
                        m.members(), r.gained().size(), r.lost().size(), registry.owned());
            }
            boolean now = m.quorum();
            if (now != quorum) {
                quorum = now;
                logQuorum(m);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cluster: reassigning origins failed: %s", e.toString());
        }
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
        if (m != null) {
            m.shutdown();
        }
    }
}
