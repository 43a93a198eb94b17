package io.originwatch.origin;

import io.originwatch.classify.Verdict;
import java.time.Instant;

/** One finished probe as kept in an origin's history. */
public record ProbeRecord(Verdict verdict, Instant probedAt) {}
