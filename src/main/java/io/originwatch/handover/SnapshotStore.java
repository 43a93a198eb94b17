package io.originwatch.handover;

import java.util.Collection;
import java.util.Map;

/** Where the owners' snapshots are kept, by origin name: a Hazelcast map in cluster mode. */
public interface SnapshotStore {

    /** Stores {@code snapshot} for {@code origin}; returns at once (never waits for the cluster). */
    void put(String origin, byte[] snapshot);

    /** The snapshots kept for {@code origins} (absent ones are left out), in as few round trips as it can. */
    Map<String, byte[]> getAll(Collection<String> origins);
}
