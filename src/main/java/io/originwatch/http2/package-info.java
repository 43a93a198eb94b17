/**
 * Byte-level HTTP/2 for the prober: the client's side of one connection carrying one request on
 * stream 1. Frames are read by our own push parser ({@link io.originwatch.http2.FrameParser}) with
 * named limits and failures typed where they happen, as in {@code http1}; HPACK is Netty's
 * ({@code io.netty.handler.codec.http2}), confined to {@link io.originwatch.http2.Hpack}.
 * No I/O: the prober writes what {@link io.originwatch.http2.ClientSession} asks and feeds it what
 * it reads, so every scenario can be replayed at every fragment size.
 */
package io.originwatch.http2;
