package io.originwatch.ui;

import io.originwatch.api.ParseFailureView;
import io.originwatch.evidence.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A head as it went over the wire, one row per line with its byte offset: printable ASCII as is,
 * every other byte as {@code \xNN} (so a NUL, a bare CR or a UTF-8 sequence are visible), values of
 * secret headers redacted, and the line holding the parser's failing byte marked with its reason.
 */
public final class HeadRows {

    /** Rows shown at most; a head is at most 16 KiB of evidence, so this only cuts pathological ones. */
    static final int MAX_ROWS = 400;

    /** One line: {@code offset} of its first byte, its text escaped, its line ending. */
    public record Row(int number, int offset, int length, String text, String ending, boolean failing, String reason) {
        /** The line cut to {@value #PREVIEW_CHARS} characters, for the list of largest lines. */
        public String preview() {
            return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "...";
        }
    }

    static final int PREVIEW_CHARS = 80;

    /** The rows and the largest header lines (by bytes, largest first). */
    public record Head(List<Row> rows, List<Row> largest, boolean cut, int bytes) {
        public boolean empty() {
            return rows.isEmpty();
        }
    }

    private HeadRows() {}

    public static Head of(byte[] bytes, Redactor redactor, ParseFailureView failure) {
        List<Row> rows = new ArrayList<>();
        int start = 0;
        int number = 0;
        boolean cut = false;
        while (start < bytes.length) {
            if (rows.size() == MAX_ROWS) {
                cut = true;
                break;
            }
            int lf = start;
            while (lf < bytes.length && bytes[lf] != '\n') {
                lf++;
            }
            int end = lf < bytes.length ? lf + 1 : lf;
            int contentEnd = lf;
            String ending = lf < bytes.length ? "LF" : "none";
            if (lf < bytes.length && contentEnd > start && bytes[contentEnd - 1] == '\r') {
                contentEnd--;
                ending = "CRLF";
            }
            boolean failing = failure != null
                    && failure.offset() != null
                    && failure.offset() >= start
                    && (failure.offset() < end || end == bytes.length && failure.offset() == end);
            String text = redact(escape(bytes, start, contentEnd), redactor, number);
            rows.add(new Row(number, start, end - start, text, ending, failing, failing ? failure.reason() : null));
            if (contentEnd == start && number > 0) {
                break; // the empty line that ends the head: what follows is body
            }
            start = end;
            number++;
        }
        List<Row> largest = rows.stream()
                .filter(r -> r.number() > 0 && !r.text().isEmpty())
                .sorted(Comparator.comparingInt(Row::length).reversed())
                .limit(5)
                .toList();
        return new Head(List.copyOf(rows), largest, cut, bytes.length);
    }

    static String escape(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                s.append((char) c);
            } else if (c == '\\') {
                s.append("\\\\");
            } else {
                s.append(String.format("\\x%02X", c));
            }
        }
        return s.toString();
    }

    private static String redact(String line, Redactor redactor, int number) {
        int colon = line.indexOf(':');
        if (number == 0
                || colon <= 0
                || !redactor.redacts(line.substring(0, colon).strip())) {
            return line;
        }
        return line.substring(0, colon + 1) + " " + Redactor.REDACTED;
    }
}
