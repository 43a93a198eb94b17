package io.originwatch.evidence;

import java.time.Instant;

/** One probe of the history, as the support summary's cause timeline needs it. */
public record TimelineEntry(Instant at, String cause, int edgeStatus, String detail) {}
