package io.originwatch.origin;

import io.originwatch.classify.Verdict;

/**
 * Fired synchronously (CDI) after an origin's via-edge probe, which runs right after its direct
 * probe (and after {@link ProbeCompleted} for that direct probe).
 *
 * @param origin the origin's name
 * @param direct the direct probe this one pairs with
 * @param edge   the probe of the public URL through the edge
 */
public record EdgeProbeCompleted(String origin, Verdict direct, Verdict edge) {}
