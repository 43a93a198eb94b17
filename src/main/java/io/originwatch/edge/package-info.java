/**
 * Edge IP ranges and allowlist drift: fetches and validates a CDN's published ranges, keeps the last
 * good list, reads allowlists in several formats and computes what they miss and what they admit on
 * top. Plain Java: imports java.*, inet.ipaddr (CIDR math) and Jackson databind (JSON range lists and
 * the cache file) only.
 */
package io.originwatch.edge;
