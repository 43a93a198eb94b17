/**
 * The 52x cause catalogue, the edge's limits, and the mapping of a probe result to one cause plus
 * warnings. Plain Java: imports java.*, {@code http1} and {@code probe} only.
 */
package io.originwatch.classify;
