/**
 * Direct alert dispatch: gatus-style counters decide when an origin's alert fires and resolves
 * ({@link io.originwatch.alert.AlertTracker}), and each sink (Alertmanager, webhook) gets the
 * notifications through its own bounded, coalescing queue and sender thread
 * ({@link io.originwatch.alert.SinkWorker}), so delivery never blocks probing. Plain Java: imports
 * java.*, {@code probe} and {@code classify} only; JSON is written by an encoder the framework injects.
 */
package io.originwatch.alert;
