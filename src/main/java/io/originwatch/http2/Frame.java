package io.originwatch.http2;

/**
 * One frame as read: the 9-byte header's fields and the payload (at most the frame size limit).
 *
 * @param type     {@link FrameType} number (unknown types are kept, and ignored by the session)
 * @param flags    flag bits
 * @param streamId stream identifier, reserved bit cleared
 * @param payload  the payload bytes, padding included
 */
public record Frame(int type, int flags, int streamId, byte[] payload) {

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public String toString() {
        return FrameType.name(type) + "(stream " + streamId + ", flags 0x" + Integer.toHexString(flags) + ", "
                + payload.length + " bytes)";
    }
}
