package io.originwatch.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The HAR {@code content} of a body kept by the prober: UTF-8 text when it is text, else base64. */
final class BodyContent {

    /** A UTF-8 sequence cut by the capture limit is at most this many bytes long. */
    private static final int MAX_CUT_SEQUENCE_BYTES = 3;

    private BodyContent() {}

    /**
     * @param kept      the bytes the prober kept
     * @param size      payload bytes received in all
     * @param truncated more bytes existed than were kept
     */
    static Har.Content of(byte[] kept, long size, String mimeType, boolean truncated) {
        String comment = truncated
                ? "first " + kept.length + " of " + (size > kept.length ? size + " " : "more ")
                        + "body bytes kept (originwatch.evidence.body-capture-bytes and the body limit bound it)"
                : null;
        if (kept.length == 0) {
            return new Har.Content(size, mimeType, null, null, comment);
        }
        String text = text(kept, truncated);
        if (text != null) {
            return new Har.Content(size, mimeType, text, null, comment);
        }
        return new Har.Content(size, mimeType, Base64.getEncoder().encodeToString(kept), "base64", comment);
    }

    /** Strict UTF-8 without control characters other than tab, CR, LF and FF; a cut last sequence is dropped. */
    private static String text(byte[] bytes, boolean truncated) {
        int maxDrop = truncated ? Math.min(MAX_CUT_SEQUENCE_BYTES, bytes.length - 1) : 0;
        for (int drop = 0; drop <= maxDrop; drop++) {
            String s = decode(Arrays.copyOf(bytes, bytes.length - drop));
            if (s != null) {
                return s.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\r' || c == '\n' || c == '\f')
                        ? s
                        : null;
            }
        }
        return null;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
