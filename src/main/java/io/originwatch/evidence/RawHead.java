package io.originwatch.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A lenient reading of head bytes as they were sent or received (ISO-8859-1, so every byte maps to
 * one character): the start line and each following line up to the empty line. Unlike the strict
 * parser it never rejects anything, because evidence must show the bytes that broke the parse:
 * a line without a colon or a line cut off at the end are kept, with a comment saying what is wrong.
 * Interim 1xx heads before the final one are skipped, as the prober does.
 *
 * @param startLine the request or status line, or "" when no line arrived
 * @param headers   fields in wire order, values already redacted
 * @param complete  the empty line that ends the head was seen
 */
record RawHead(String startLine, List<Har.Header> headers, boolean complete) {

    static final String NO_COLON = "not a header field: the line has no colon";
    static final String CUT_OFF = "line cut off: no more bytes of the head were kept or received";

    static RawHead parse(byte[] bytes, Redactor redactor) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int pos = 0;
        while (true) {
            RawHead head = parseOne(text, pos, redactor);
            int next = end(text, pos);
            boolean interim = head.complete && head.startLine.matches("HTTP/1\\.\\d 1\\d\\d.*") && next < text.length();
            if (!interim) {
                return head;
            }
            pos = next;
        }
    }

    private static RawHead parseOne(String text, int from, Redactor redactor) {
        List<String> lines = new ArrayList<>();
        boolean complete = false;
        boolean lastCut = false;
        int pos = from;
        while (pos < text.length()) {
            int lf = text.indexOf('\n', pos);
            if (lf < 0) {
                lines.add(text.substring(pos));
                lastCut = true;
                break;
            }
            String line = text.substring(pos, lf > pos && text.charAt(lf - 1) == '\r' ? lf - 1 : lf);
            pos = lf + 1;
            if (line.isEmpty() && !lines.isEmpty()) {
                complete = true;
                break;
            }
            lines.add(line);
        }
        String start = lines.isEmpty() ? "" : lines.get(0);
        List<Har.Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            headers.add(header(lines.get(i), lastCut && i == lines.size() - 1, redactor));
        }
        return new RawHead(start, headers, complete);
    }

    private static Har.Header header(String line, boolean cut, Redactor redactor) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            // no colon: the whole line is shown as the name, so a secret name loses the rest of it
            return new Har.Header(redactor.rule().headerLine(line), "", cut ? CUT_OFF : NO_COLON);
        }
        String name = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        return new Har.Header(name, redactor.harValue(name, value), cut ? CUT_OFF : null);
    }

    /** Index just past the empty line ending the head that starts at {@code from}, or the text's length. */
    private static int end(String text, int from) {
        int pos = from;
        boolean first = true;
        while (pos < text.length()) {
            int lf = text.indexOf('\n', pos);
            if (lf < 0) {
                return text.length();
            }
            boolean empty = lf == pos || (lf == pos + 1 && text.charAt(pos) == '\r');
            pos = lf + 1;
            if (empty && !first) {
                return pos;
            }
            first = false;
        }
        return pos;
    }
}
