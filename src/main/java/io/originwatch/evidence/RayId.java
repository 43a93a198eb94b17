package io.originwatch.evidence;

import java.time.Instant;

/**
 * The {@code cf-ray} ID of an edge's 5xx answer: what a CDN's support looks the request up by.
 *
 * @param at     when the probe that got it started (UTC)
 * @param status the edge's status
 */
public record RayId(String id, Instant at, int status) {}
