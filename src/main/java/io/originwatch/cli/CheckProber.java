package io.originwatch.cli;

import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.config.DaemonSettings;
import io.originwatch.origin.Origin;
import io.originwatch.probe.ConscryptTls;
import io.originwatch.probe.ProbeListener;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.Prober;
import io.originwatch.probe.Resolver;
import io.originwatch.probe.TlsStack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The daemon's engine without the daemon: the same {@link Prober} and {@link Classifier} that
 * {@code ProbeEngine} composes, with the system resolver and the body capture default, on virtual
 * threads, but no scheduler, registry or HTTP server (none of it is needed for one probe, and
 * starting Quarkus would cost about a second).
 *
 * <p>TLS: the daemon's {@code tls-provider=auto} rule, so a check sees what the daemon would see:
 * Conscrypt on JDK 24+ where its native library loads, else the JDK's stack. Conscrypt is loaded only
 * when an https origin is checked (unpacking its native library costs time a plain-http check need
 * not pay).
 */
final class CheckProber {

    private final Classifier classifier = new Classifier();
    private final Prober plain = new Prober(Resolver.SYSTEM, Prober.DEFAULT_BODY_CAPTURE_BYTES, TlsStack.JDK);
    private volatile Prober tls;

    /** Probes the origin (and then its via-edge URL, as the daemon does in the same slot). */
    CheckResult check(Origin origin) {
        Verdict direct = probe(origin.spec());
        Verdict edge = origin.viaEdge() == null ? null : probe(origin.viaEdge());
        return new CheckResult(origin, direct, edge);
    }

    /** Every origin at once (at most the daemon's default concurrency), results in the given order. */
    List<CheckResult> checkAll(List<Origin> origins) throws InterruptedException {
        Semaphore permits = new Semaphore(DaemonSettings.DEFAULT_MAX_CONCURRENT_PROBES);
        List<Future<CheckResult>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Origin o : origins) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return check(o);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<CheckResult> results = new ArrayList<>();
            for (Future<CheckResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("probe failed inside originwatch", e.getCause());
                }
            }
            return results;
        }
    }

    private Verdict probe(ProbeSpec spec) {
        Prober prober = spec.https() ? tlsProber() : plain;
        ProbeResult result = prober.probe(spec, ProbeListener.NONE);
        // one clock per probe, as ProbeEngine: certificate_expiring is judged at the probe's start
        return classifier.classify(result, result.startedAt());
    }

    /** The TLS stack name in use for https, for the report. */
    String tlsStackName() {
        return tlsProber().tls().name();
    }

    private Prober tlsProber() {
        Prober p = tls;
        if (p == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = new Prober(Resolver.SYSTEM, Prober.DEFAULT_BODY_CAPTURE_BYTES, autoTls());
                }
                p = tls;
            }
        }
        return p;
    }

    private static TlsStack autoTls() {
        if (!ConscryptTls.unmountsWhileBlocked()) {
            return TlsStack.JDK;
        }
        try {
            return ConscryptTls.load();
        } catch (IllegalStateException e) {
            return TlsStack.JDK;
        }
    }
}
