package io.originwatch.evidence;

import java.time.Instant;

/**
 * One kept HAR with what is needed to pick and name it without reading it.
 *
 * @param probedAt when the probe started
 * @param cause    the cause label
 * @param up       the verdict was healthy
 */
public record Captured(Har har, Instant probedAt, String cause, boolean up) {
}
