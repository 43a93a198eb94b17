/**
 * Edge IP ranges and allowlist drift: fetches and validates a CDN's published ranges, keeps the last
 * good list, reads allowlists in several formats and computes what they miss and what they admit on
 * top. Plain Java: imports java.* and inet.ipaddr (CIDR math) only; JSON (range lists and the cache
 * file) goes through {@link io.originwatch.edge.JsonCodec}, implemented by the framework layer.
 */
package io.originwatch.edge;
