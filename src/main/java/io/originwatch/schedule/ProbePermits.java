package io.originwatch.schedule;

import io.originwatch.classify.Cause;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.probe.Phase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The cap on probes in flight ({@code originwatch.max-concurrent-probes}), split so that no class of
 * origin can take all of it. An origin is a <em>suspect</em> while its last probe timed out
 * ({@code connect_timeout}, {@code response_timeout}) or took {@value #SLOW_RUN_SECONDS} s or more,
 * and before its first probe ends: such a probe is likely to hold its permit for a whole timeout
 * (125 s by default). Suspects hold at most {@code total - total / 4} permits between them, taken in
 * arrival order; the other quarter is left to origins whose last probe was quick, which also use any
 * permit the suspects leave free. So 300 silent origins at a cap of 256 hold 192 permits and queue
 * for them, while quick origins keep at least 64 and start on schedule.
 *
 * <p>The worst case for quick origins is a quick origin turning silent: it was admitted as quick and
 * holds an unreserved permit for one timeout; its next run is a suspect's. Below a cap of 4 there is
 * no reserve (the quarter rounds to 0).
 *
 * <p>Memory stays bounded: at most {@code total} probes are in flight, and each origin has at most one
 * run waiting (its single probe slot, see {@link OriginState#tryBeginProbe()}), a parked virtual thread.
 */
final class ProbePermits {

    static final long SLOW_RUN_SECONDS = 5;
    static final Duration SLOW_RUN = Duration.ofSeconds(SLOW_RUN_SECONDS);

    private final int total;
    private final int suspectShare;
    private final Semaphore all;
    private final Semaphore suspects;

    ProbePermits(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("max-concurrent-probes must be at least 1, got " + total);
        }
        this.total = total;
        this.suspectShare = total - total / 4;
        this.all = new Semaphore(total);
        // fair: suspects queue for their share in arrival order, none waits behind later ones for ever
        this.suspects = new Semaphore(suspectShare, true);
    }

    /** A held permit; {@link #close()} gives it back once. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    int total() {
        return total;
    }

    /** The most permits suspects hold at once. */
    int suspectShare() {
        return suspectShare;
    }

    /** Permits free now. */
    int available() {
        return all.availablePermits();
    }

    /** Whether the next probe of {@code state} counts as a suspect's (see the class comment). */
    static boolean suspect(OriginStateView state) {
        Optional<ProbeRecord> latest = state.latest();
        if (latest.isEmpty()) {
            return true;
        }
        var verdict = latest.get().verdict();
        if (verdict.cause() == Cause.RESPONSE_TIMEOUT || verdict.cause() == Cause.CONNECT_TIMEOUT) {
            return true;
        }
        return verdict.result().timings().get(Phase.TOTAL).orElse(Duration.ZERO).compareTo(SLOW_RUN) >= 0;
    }

    /** Waits for a permit of the class {@code suspect} says. */
    Lease acquire(boolean suspect) throws InterruptedException {
        if (!suspect) {
            all.acquire();
            return once(all::release);
        }
        suspects.acquire();
        try {
            all.acquire();
        } catch (InterruptedException e) {
            suspects.release();
            throw e;
        }
        return once(() -> {
            all.release();
            suspects.release();
        });
    }

    private static Lease once(Runnable release) {
        return new Lease() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    release.run();
                }
            }
        };
    }
}
