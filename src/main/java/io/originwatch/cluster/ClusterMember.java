package io.originwatch.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.originwatch.config.ClusterSettings;
import io.originwatch.origin.Ownership;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This process's embedded Hazelcast member, and the answer to "which origins do I own now?": the
 * member that owns the partition of an origin's name owns the origin. Hazelcast owns membership,
 * failure detection and the partition table; this class only reads them. Lifecycle:
 * <ol>
 * <li>{@link #start}: phone-home off, multicast off, the static TCP-IP list or DNS discovery of a
 * headless Service, Hazelcast's own shutdown hook off (the daemon shuts the member down gracefully
 * after its scheduler stops);</li>
 * <li>every membership change and every finished migration calls {@code onChange} once, on one
 * thread of its own, coalesced ({@link #SETTLE_MILLIS}), never on Hazelcast's event threads;</li>
 * <li>{@link #shutdown}: a graceful leave, which hands this member's partitions over first.</li>
 * </ol>
 */
public final class ClusterMember implements Ownership {

    /** Events this close together cause one {@code onChange}: a migration sends one per partition. */
    static final long SETTLE_MILLIS = 100;

    /** Member UUID to the digest of the origin set it runs ({@link #publishOriginSet}). */
    private static final String ORIGIN_SETS = "originwatch-origin-sets";

    private final HazelcastInstance hz;
    private final int minMembers;
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "originwatch-cluster-events");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Runnable onChange;

    private ClusterMember(HazelcastInstance hz, int minMembers, Runnable onChange) {
        this.hz = hz;
        this.minMembers = minMembers;
        this.onChange = onChange;
    }

    /** Starts the member (it joins the others, or forms a cluster alone) and starts listening. */
    public static ClusterMember start(ClusterSettings settings, Runnable onChange) {
        return start(settings, onChange, Map.of());
    }

    /**
     * As {@link #start(ClusterSettings, Runnable)}, with {@code userContext} in the member's
     * {@link Config#setUserContext user context}: where tasks sent to this member find what they run
     * ({@link ClusterTasks}, {@link ClusterEdge}), in place before the member joins.
     */
    public static ClusterMember start(ClusterSettings settings, Runnable onChange, Map<String, Object> userContext) {
        Config config = config(settings);
        config.setUserContext(new ConcurrentHashMap<>(userContext));
        ClusterMember member =
                new ClusterMember(Hazelcast.newHazelcastInstance(config), settings.minMembers(), onChange);
        member.listen();
        return member;
    }

    static Config config(ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.name());
        config.setInstanceName("originwatch-" + settings.bindHost() + "-" + settings.bindPort());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // the daemon's shutdown (Daemon.onStop) leaves gracefully once its scheduler has stopped
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        config.setProperty("hazelcast.logging.type", "jdk");
        // Hazelcast's own metrics (collected every 5 s, published over JMX, read by Management
        // Center) cost CPU on every member and nobody reads them: originwatch exports its own
        config.getMetricsConfig().setEnabled(false);
        // tasks and published values are originwatch classes: resolve them where this class was loaded
        config.setClassLoader(ClusterMember.class.getClassLoader());
        config.getNetworkConfig().setPort(settings.bindPort()).setPortAutoIncrement(false);
        if (!settings.bindHost().equals("0.0.0.0")) {
            config.setProperty("hazelcast.socket.bind.any", "false");
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(settings.bindHost());
        }
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (settings.kubernetesService().isPresent()) {
            join.getKubernetesConfig()
                    .setEnabled(true)
                    .setProperty("service-dns", settings.kubernetesService().get())
                    .setProperty("service-port", Integer.toString(settings.bindPort()));
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        }
        return config;
    }

    private void listen() {
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                changed();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                changed();
            }
        });
        hz.getPartitionService().addMigrationListener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationState state) {}

            @Override
            public void migrationFinished(MigrationState state) {
                changed();
            }

            @Override
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
                changed();
            }

            @Override
            public void replicaMigrationFailed(ReplicaMigrationEvent event) {
                changed();
            }
        });
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            try {
                events.schedule(
                        () -> {
                            pending.set(false);
                            onChange.run();
                        },
                        SETTLE_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: the leave's own migrations report in after the event thread stopped
            }
        }
    }

    @Override
    public boolean owns(String origin) {
        if (!quorum()) {
            return false;
        }
        Member owner = partition(origin).getOwner();
        return owner != null && owner.localMember();
    }

    @Override
    public Optional<String> ownerOf(String origin) {
        return Optional.ofNullable(partition(origin).getOwner()).map(ClusterMember::address);
    }

    private Partition partition(String origin) {
        return hz.getPartitionService().getPartition(origin);
    }

    @Override
    public int members() {
        return hz.getLifecycleService().isRunning()
                ? hz.getCluster().getMembers().size()
                : 0;
    }

    @Override
    public boolean quorum() {
        return members() >= minMembers;
    }

    /** This member's address as {@code host:port}. */
    public String self() {
        return address(hz.getCluster().getLocalMember());
    }

    /** Every member's address, in the cluster's member order. */
    public List<String> memberAddresses() {
        List<String> list = new ArrayList<>();
        hz.getCluster().getMembers().forEach(m -> list.add(address(m)));
        return list;
    }

    public String name() {
        return hz.getConfig().getClusterName();
    }

    public int minMembers() {
        return minMembers;
    }

    HazelcastInstance hazelcast() {
        return hz;
    }

    static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    /**
     * Publishes this member's origin set ({@code digest}: any text that is equal exactly when two
     * sets are) for the others to compare, kept for {@code ttl} unless published again: a member
     * that left stops counting once its entry expires, and only live members are read anyway.
     */
    public void publishOriginSet(String digest, Duration ttl) {
        IMap<String, String> sets = hz.getMap(ORIGIN_SETS);
        sets.set(hz.getCluster().getLocalMember().getUuid().toString(), digest, ttl.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The live members (this one excluded) whose published origin set differs from {@code digest},
     * by address, with what they published. Members that have not published yet are left out.
     */
    public Map<String, String> originSetsDifferingFrom(String digest) {
        IMap<String, String> sets = hz.getMap(ORIGIN_SETS);
        Map<String, String> differing = new TreeMap<>();
        for (Member m : hz.getCluster().getMembers()) {
            if (m.localMember()) {
                continue;
            }
            String theirs = sets.get(m.getUuid().toString());
            if (theirs != null && !theirs.equals(digest)) {
                differing.put(address(m), theirs);
            }
        }
        return differing;
    }

    /** The origins' snapshots, kept where their owners are ({@link OriginSnapshots}). */
    public io.originwatch.handover.SnapshotStore snapshots() {
        return new OriginSnapshots(hz.getMap(OriginSnapshots.MAP));
    }

    /** Graceful leave: this member's partitions move to the others before it stops. */
    public void shutdown() {
        events.shutdownNow();
        hz.shutdown();
    }

    /** For tests: stop without handing anything over, as a crash would. */
    void terminate() {
        events.shutdownNow();
        hz.getLifecycleService().terminate();
    }
}
