package io.originwatch.origin;

import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An origin's last results, oldest first, at most {@code capacity}, packed: each result is five
 * longs in one array plus one shared reference to its words (detail and warnings), about 44 bytes,
 * against 72 for a {@link HistoryEntry} object and its slot in a deque. At 100,000 origins with 50
 * results each that is 5,000,000 results: about 220 MB as objects, 113 MB packed (bench/README.md has
 * the class histograms before and after). Entries are made when the history is read.
 *
 * <p>The five longs of a result:
 * <ol>
 *   <li>its start, nanoseconds since the epoch (exact until 2262);
 *   <li>total and ttfb microseconds (high and low 32 bits; -1 for a phase that did not happen);
 *   <li>connect and tls microseconds;
 *   <li>dns microseconds and the header-section bytes;
 *   <li>the cause's ordinal (8 bits), the edge status and the HTTP status (16 bits each), ALPN and
 *       HTTP version codes (8 bits each) and whether it started in maintenance (1 bit).
 * </ol>
 *
 * Not thread-safe: the schedule's OriginState reads and writes it under its lock.
 */
public final class History {

    private static final int LONGS = 5;
    private static final long NANOS = 1_000_000_000L;
    private static final Cause[] CAUSES = Cause.values();

    /** A result's detail and warnings: one object shared by consecutive results that say the same. */
    private record Words(String detail, List<Warning> warnings) {}

    private final int capacity;
    private final long[] packed;
    private final Words[] words;
    /** Slot of the oldest result. */
    private int head;

    private int size;

    public History(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.packed = new long[capacity * LONGS];
        this.words = new Words[capacity];
    }

    /**
     * Appends the result of {@code v}, started at {@code probedAt}; the oldest goes when full. Packs
     * straight from the verdict (the same fields and codes as {@link HistoryEntry}'s), so a probe
     * leaves no garbage here unless its detail or warnings differ from the previous result's.
     */
    public void add(Verdict v, Instant probedAt, boolean inMaintenance) {
        int slot = (head + size) % capacity;
        if (size == capacity) {
            head = (head + 1) % capacity;
        } else {
            size++;
        }
        ProbeResult r = v.result();
        PhaseTimings t = r.timings();
        int at = slot * LONGS;
        packed[at] = probedAt.getEpochSecond() * NANOS + probedAt.getNano();
        packed[at + 1] = pair(HistoryEntry.micros(t, Phase.TOTAL), HistoryEntry.micros(t, Phase.TTFB));
        packed[at + 2] = pair(HistoryEntry.micros(t, Phase.CONNECT), HistoryEntry.micros(t, Phase.TLS));
        packed[at + 3] = pair(HistoryEntry.micros(t, Phase.DNS), r.headerBytes());
        packed[at + 4] = (long) v.cause().ordinal()
                | (v.edgeStatus() & 0xFFFFL) << 8
                | (v.httpStatus() & 0xFFFFL) << 24
                | (HistoryEntry.alpnCode(r.alpn()) & 0xFFL) << 40
                | (HistoryEntry.httpVersionCode(r.httpVersion()) & 0xFFL) << 48
                | (inMaintenance ? 1L << 56 : 0);
        Words previous = size > 1 ? words[(slot - 1 + capacity) % capacity] : null;
        words[slot] = previous != null
                        && Objects.equals(previous.detail(), v.detail())
                        && previous.warnings().equals(v.warnings())
                ? previous
                : new Words(v.detail(), v.warnings());
    }

    public int size() {
        return size;
    }

    /** Every result kept, oldest first, as entries made now. */
    public List<HistoryEntry> entries() {
        List<HistoryEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(entry((head + i) % capacity));
        }
        return entries;
    }

    private HistoryEntry entry(int slot) {
        int at = slot * LONGS;
        long start = packed[at];
        long flags = packed[at + 4];
        int[] micros = {
            high(packed[at + 3]), high(packed[at + 2]), low(packed[at + 2]), low(packed[at + 1]), high(packed[at + 1])
        };
        Words w = words[slot];
        return new HistoryEntry(
                Math.floorDiv(start, NANOS),
                (int) Math.floorMod(start, NANOS),
                CAUSES[(int) (flags & 0xFF)],
                (short) (flags >>> 8),
                (short) (flags >>> 24),
                low(packed[at + 3]),
                w.warnings(),
                w.detail(),
                micros,
                (flags >>> 56 & 1) == 1,
                (byte) (flags >>> 40),
                (byte) (flags >>> 48));
    }

    private static long pair(int high, int low) {
        return (long) high << 32 | (low & 0xFFFFFFFFL);
    }

    private static int high(long pair) {
        return (int) (pair >>> 32);
    }

    private static int low(long pair) {
        return (int) pair;
    }
}
