/**
 * A CDN's published edge ranges: fetch, parse (one parser per provider's format), validate, keep the
 * last good list and its cache file. Plain Java: imports java.*, inet.ipaddr (through
 * {@code edge.cidr}) only; JSON (range lists and the cache file) goes through {@link JsonCodec},
 * implemented by the framework layer.
 */
package io.originwatch.edge.ranges;
