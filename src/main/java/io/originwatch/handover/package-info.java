/**
 * What one cluster member hands the next owner of an origin: the origin's {@link
 * io.originwatch.handover.OriginSnapshot snapshot} (latest result, streak, last cause change, alert
 * state), its byte encoding ({@link io.originwatch.handover.SnapshotCodec}) and where snapshots are
 * kept ({@link io.originwatch.handover.SnapshotStore}, a Hazelcast map in cluster mode). Plain Java.
 */
package io.originwatch.handover;
