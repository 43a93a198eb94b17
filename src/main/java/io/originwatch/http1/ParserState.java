package io.originwatch.http1;

/**
 * States of {@link ResponseHeadParser}. Transitions are guarded: {@link #canGoTo} lists every move
 * the parser may make, so a wrong move is a loud programming error instead of a silent mis-parse.
 */
enum ParserState {
    /** Inside the status line of the current head (interim or final). */
    STATUS_LINE,
    /** The status line had a CR; only LF may follow. */
    STATUS_LINE_CR,
    /** At the first byte of a header line or of the empty line that ends the head. */
    LINE_START,
    /** Inside a field name, before the colon. */
    FIELD_NAME,
    /** After the colon, inside the field value. */
    FIELD_VALUE,
    /** A field line had a CR; only LF may follow. */
    FIELD_CR,
    /** The empty line began with CR; only LF may follow. */
    END_CR,
    /** Terminal: the final head is complete. */
    COMPLETE,
    /** Terminal: the response is unusable. */
    FAILED;

    boolean terminal() {
        return this == COMPLETE || this == FAILED;
    }

    boolean canGoTo(ParserState next) {
        if (next == FAILED) {
            return !terminal();
        }
        return switch (this) {
            case STATUS_LINE -> next == STATUS_LINE_CR || next == LINE_START;
            case STATUS_LINE_CR -> next == LINE_START;
            case LINE_START -> next == FIELD_NAME || next == END_CR || next == STATUS_LINE || next == COMPLETE;
            case FIELD_NAME -> next == FIELD_VALUE;
            case FIELD_VALUE -> next == FIELD_CR || next == LINE_START;
            case FIELD_CR -> next == LINE_START;
            case END_CR -> next == STATUS_LINE || next == COMPLETE;
            case COMPLETE, FAILED -> false;
        };
    }
}
