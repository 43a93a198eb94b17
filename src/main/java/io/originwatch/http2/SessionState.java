package io.originwatch.http2;

/**
 * States of {@link ClientSession}. Transitions are guarded by {@link #canGoTo}, so a wrong move is a
 * loud programming error instead of a silent mis-read.
 */
public enum SessionState {
    /** Our preface and request are out; the server's SETTINGS has not come yet. */
    AWAITING_SETTINGS,
    /** The server's preface came; no final response head yet (interim 1xx heads are skipped). */
    AWAITING_HEAD,
    /** The final head came; DATA follows until END_STREAM. */
    BODY,
    /** Terminal: the stream ended (END_STREAM), or the body was cut off (reset, GOAWAY, bad frame). */
    ENDED,
    /** Terminal: no usable head; {@link ClientSession#failure()} says why. */
    FAILED;

    public boolean terminal() {
        return this == ENDED || this == FAILED;
    }

    boolean canGoTo(SessionState next) {
        return switch (this) {
            case AWAITING_SETTINGS -> next == AWAITING_HEAD || next == FAILED;
            case AWAITING_HEAD -> next == BODY || next == ENDED || next == FAILED;
            case BODY -> next == ENDED;
            case ENDED, FAILED -> false;
        };
    }
}
