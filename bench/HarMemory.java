/*
 * originwatch evidence: HAR sizes per cause and retained memory per origin.
 *
 * Run from the repository root after `mvn -B -o compile` (JDK 21+):
 *
 *   mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "target/classes:$(cat target/cp.txt)" bench/HarMemory.java [origins [rounds]]
 *
 * 1. Probes every lab origin once, all at the same time (real prober, classifier, default 8 KiB body
 *    capture) and prints the size of its HAR as served (compact JSON, UTF-8).
 * 2. Fills an EvidenceStore for N origins (default 5,000; a fifth of that for the slow worst pair)
 *    with two kept probes each (latest + last failing), each from its own real probe so no bytes are
 *    shared between origins, and reports the heap that costs per origin (used heap after full GCs,
 *    before and after), for a typical pair (ok + connection_reset) and the worst pair the prober's
 *    bounds allow (an 8 KiB body + an 8 KiB oversized head).
 * 3. Times what the daemon does per probe (keep the result) and per request (build and serialize the HAR),
 *    over `rounds` of each (default 200,000; the first half warms the JIT).
 *
 * CI runs `HarMemory.java 200 20000` so that it cannot rot (under a minute); the figures in
 * docs/evidence.md come from the defaults.
 */

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.app.HarJson;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.Redactor;
import io.originwatch.lab.LabOrigin;
import io.originwatch.lab.OriginLab;
import io.originwatch.probe.ProbeListener;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.Prober;
import io.originwatch.probe.StatusSet;
import java.lang.management.ManagementFactory;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class HarMemory {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        HarBuilder builder = new HarBuilder("bench", Redactor.defaults());
        HarJson json = new HarJson(new ObjectMapper());
        try (OriginLab lab = OriginLab.start()) {
            Prober prober = new Prober(h -> lab.lookup(h).orElseThrow(() -> new UnknownHostException(h)));
            Map<String, ProbeSpec> specs = new TreeMap<>();
            for (LabOrigin o : lab.origins()) {
                specs.put(
                        o.name(),
                        new ProbeSpec(
                                o.name(),
                                o.url(),
                                o.host(),
                                "GET",
                                List.of(),
                                o.connectTimeout(),
                                o.responseTimeout(),
                                o.headerLimitBytes(),
                                64 * 1024,
                                StatusSet.parse(o.expectStatus()),
                                o.tlsVerify(),
                                o.https() ? lab.caPemFile() : null,
                                "originwatch/bench"));
            }
            // all at once: the timeout origins wait seconds each, one after another that was most of the run
            Map<String, Future<Verdict>> verdicts = new TreeMap<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                specs.forEach((name, spec) -> verdicts.put(name, pool.submit(() -> probe(prober, spec))));
            }
            System.out.println("HAR size as served (bytes), per lab origin:");
            for (Map.Entry<String, Future<Verdict>> e : verdicts.entrySet()) {
                Verdict v = e.getValue().get();
                System.out.printf(
                        "  %-28s %-24s %6d%n",
                        e.getKey(), v.cause().label(), json.bytes(builder.build(v, ProbeKind.DIRECT)).length);
            }
            cost(builder, json, probe(prober, specs.get("lab-ok")), rounds);
            report(
                    "typical pair (lab-ok latest + lab-connection-reset failing)",
                    n,
                    prober,
                    specs.get("lab-ok"),
                    specs.get("lab-connection-reset"));
            report(
                    "worst pair (lab-endless-body latest + lab-headers-too-large failing)",
                    Math.max(1, n / 5),
                    prober,
                    specs.get("lab-endless-body"),
                    specs.get("lab-headers-too-large"));
        }
    }

    private static Verdict probe(Prober prober, ProbeSpec spec) {
        return new Classifier().classify(prober.probe(spec, ProbeListener.NONE), Instant.now());
    }

    /** One fresh pair of real probes per origin; the probes' garbage is collected before measuring. */
    private static void report(String what, int n, Prober prober, ProbeSpec latest, ProbeSpec failing) {
        long before = usedAfterGc();
        EvidenceStore store = new EvidenceStore();
        for (int i = 0; i < n; i++) {
            String name = "origin-" + i;
            store.recordDirect(name, new Captured(probe(prober, failing), ProbeKind.DIRECT));
            store.recordDirect(name, new Captured(probe(prober, latest), ProbeKind.DIRECT));
        }
        long after = usedAfterGc();
        System.out.printf(
                "%s: %d origins, %.1f KiB retained per origin (%.1f MiB for 10,000 origins)%n",
                what, store.size(), (after - before) / 1024.0 / n, (after - before) / 1024.0 / 1024.0 / n * 10_000);
    }

    /** CPU per probe (keep the result) and per HAR request (build and serialize), first halves warm the JIT. */
    private static void cost(HarBuilder builder, HarJson json, Verdict v, int rounds) {
        EvidenceStore store = new EvidenceStore();
        long start = 0;
        for (int i = 0; i < rounds; i++) {
            if (i == rounds / 2) {
                start = System.nanoTime();
            }
            store.recordDirect("origin-" + (i % 1000), new Captured(v, ProbeKind.DIRECT));
        }
        double keep = (System.nanoTime() - start) / 1000.0 / (rounds / 2);
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            if (i == rounds / 2) {
                start = System.nanoTime();
            }
            sink += json.bytes(new Captured(v, ProbeKind.DIRECT).har(builder)).length;
        }
        double render = (System.nanoTime() - start) / 1000.0 / (rounds / 2);
        System.out.printf(
                "per probe, keeping the result (lab-ok): %.2f us; per request, building and serializing its HAR: %.1f us [%d]%n",
                keep, render, sink % 10);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
