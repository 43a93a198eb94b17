package io.originwatch.probe;

/**
 * Bytes kept for HAR files and support bundles, each bounded (see {@link #MAX_HEAD_BYTES}).
 *
 * @param requestHead   the request head exactly as sent
 * @param responseHead  the first bytes of the response head as received (also on parse failures)
 * @param body          the body as received, up to the prober's body-capture limit (may be empty)
 * @param bodyTruncated true when more body bytes existed than were kept
 */
public record Evidence(byte[] requestHead, byte[] responseHead, byte[] body, boolean bodyTruncated)
        implements java.io.Serializable {

    /** Upper bound on {@link #responseHead} kept per probe. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;

    public static Evidence none() {
        return new Evidence(new byte[0], new byte[0], new byte[0], false);
    }
}
