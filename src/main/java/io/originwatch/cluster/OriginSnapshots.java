package io.originwatch.cluster;

import com.hazelcast.map.IMap;
import io.originwatch.handover.SnapshotStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The origins' snapshots in one Hazelcast map keyed by origin name ({@value #MAP}). The key's
 * partition is the very partition whose owner owns the origin, so the owner writes its snapshots
 * locally and the backup copy (Hazelcast's default backup count, 1) lives on another member: after
 * a crash the backup's holder is promoted to owner of the partition, origin and snapshot together,
 * and reads the snapshot locally; a graceful leave migrates both.
 */
final class OriginSnapshots implements SnapshotStore {

    static final String MAP = "originwatch-origin-state";
    private static final Logger LOG = Logger.getLogger(OriginSnapshots.class);

    private final IMap<String, byte[]> map;
    private final AtomicLong failedWrites = new AtomicLong();

    OriginSnapshots(IMap<String, byte[]> map) {
        this.map = map;
    }

    @Override
    public void put(String origin, byte[] snapshot) {
        map.setAsync(origin, snapshot).whenComplete((ok, e) -> {
            if (e != null && failedWrites.getAndIncrement() % 1000 == 0) {
                // a member leaving or a partition migrating; the next probe writes again
                LOG.infof("cluster: a snapshot write failed (origin=%s): %s", origin, e.toString());
            }
        });
    }

    @Override
    public Map<String, byte[]> getAll(Collection<String> origins) {
        return map.getAll(new HashSet<>(origins));
    }
}
