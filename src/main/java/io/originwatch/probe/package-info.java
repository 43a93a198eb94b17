/**
 * The prober: one HTTP/1.1 request straight to an origin address over raw TCP/TLS, with the site's
 * Host header and SNI, timing every phase. Plain Java: imports java.* and {@code http1} only.
 */
package io.originwatch.probe;
