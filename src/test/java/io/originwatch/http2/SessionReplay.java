package io.originwatch.http2;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Feeds a server's bytes to a fresh {@link ClientSession} in fragments of a fixed size and records
 * everything it said, in a comparable record: replays of the same bytes must give equal outcomes
 * whatever the fragment size.
 */
final class SessionReplay {

    static final int LIMIT = 8192;

    /** What a session concluded; arrays as hex so that records compare by content. */
    record Outcome(
            SessionState state,
            H2Failure failure,
            DecodedHead head,
            String body,
            String cutOff,
            String outgoing,
            int headerBytes) {}

    private SessionReplay() {}

    static Outcome run(byte[] wire, int fragment, boolean endOfStream) {
        return run(wire, fragment, endOfStream, LIMIT);
    }

    static Outcome run(byte[] wire, int fragment, boolean endOfStream, int limit) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ClientSession s = new ClientSession(limit, ClientSession.DEFAULT_WINDOW_BYTES, body::write);
        ByteArrayOutputStream outgoing = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < wire.length && !s.state().terminal()) {
            int n = Math.min(fragment, wire.length - pos);
            s.feed(wire, pos, n);
            outgoing.writeBytes(s.drainOutgoing());
            pos += n;
        }
        if (endOfStream) {
            s.endOfStream();
        }
        return new Outcome(
                s.state(),
                s.failure(),
                s.head(),
                body.toString(java.nio.charset.StandardCharsets.ISO_8859_1),
                s.bodyCutOff(),
                hex(outgoing.toByteArray()),
                s.headerBytes());
    }

    static Outcome whole(byte[] wire, boolean endOfStream) {
        return run(wire, Math.max(1, wire.length), endOfStream);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    static String hex(byte[]... parts) {
        return hex(Arrays.stream(parts).reduce(new byte[0], (a, c) -> {
            byte[] r = Arrays.copyOf(a, a.length + c.length);
            System.arraycopy(c, 0, r, a.length, c.length);
            return r;
        }));
    }
}
