/*
 * originwatch evidence: HAR sizes per cause and retained memory per origin.
 *
 * Run from the repository root after `mvn -B -o test-compile` (JDK 21+):
 *
 *   mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "target/classes:$(cat target/cp.txt)" bench/HarMemory.java [origins]
 *
 * 1. Probes every lab origin once (real prober, classifier, default 8 KiB body capture) and prints
 *    the size of its HAR as served (pretty-printed JSON, UTF-8).
 * 2. Fills an EvidenceStore for N origins (default 5,000) with two HARs each (latest + last failing),
 *    built and compressed separately per origin as the daemon keeps them, and reports the heap that costs per origin
 *    (used heap after full GCs, before and after), for a typical pair (ok + connection_reset) and the
 *    worst pair the prober's bounds allow (an 8 KiB body + an 8 KiB oversized head).
 */

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.api.HarJson;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.Har;
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

public class HarMemory {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        HarBuilder builder = new HarBuilder("bench", Redactor.defaults());
        HarJson json = new HarJson(new ObjectMapper());
        Map<String, Verdict> verdicts = new TreeMap<>();
        try (OriginLab lab = OriginLab.start()) {
            Prober prober = new Prober(h -> lab.lookup(h).orElseThrow(() -> new UnknownHostException(h)));
            for (LabOrigin o : lab.origins()) {
                ProbeSpec spec = new ProbeSpec(o.name(), o.url(), o.host(), "GET", List.of(), o.connectTimeout(),
                        o.responseTimeout(), o.headerLimitBytes(), 64 * 1024, StatusSet.parse(o.expectStatus()),
                        o.tlsVerify(), o.https() ? lab.caPemFile() : null, "originwatch/bench");
                verdicts.put(o.name(), new Classifier().classify(prober.probe(spec, ProbeListener.NONE), Instant.now()));
            }
        }
        System.out.println("HAR size as served (bytes), per lab origin:");
        verdicts.forEach((name, v) -> System.out.printf("  %-28s %-24s %6d%n", name, v.cause().label(),
                json.bytes(builder.build(v, ProbeKind.DIRECT)).length));
        cost(builder, json, verdicts.get("lab-ok"));
        report("typical pair (lab-ok latest + lab-connection-reset failing)", n, builder, json,
                verdicts.get("lab-ok"), verdicts.get("lab-connection-reset"));
        report("worst pair (lab-endless-body latest + lab-headers-too-large failing)", n, builder, json,
                verdicts.get("lab-endless-body"), verdicts.get("lab-headers-too-large"));
    }

    private static void report(String what, int n, HarBuilder builder, HarJson json, Verdict latest, Verdict failing) {
        long before = usedAfterGc();
        EvidenceStore store = new EvidenceStore();
        for (int i = 0; i < n; i++) {
            String name = "origin-" + i;
            store.recordDirect(name, captured(json, builder.build(failing, ProbeKind.DIRECT), failing));
            store.recordDirect(name, captured(json, builder.build(latest, ProbeKind.DIRECT), latest));
        }
        long after = usedAfterGc();
        System.out.printf("%s: %d origins, %.1f KiB retained per origin (%.1f MiB for 10,000 origins)%n", what,
                store.size(), (after - before) / 1024.0 / n, (after - before) / 1024.0 / 1024.0 / n * 10_000);
    }

    /** CPU per probe result: build, serialize, compress (what the recorder does for every probe). */
    private static void cost(HarBuilder builder, HarJson json, Verdict v) {
        int rounds = 200_000;
        long sink = 0;
        long start = 0;
        for (int i = 0; i < rounds; i++) {
            if (i == rounds / 2) {
                start = System.nanoTime(); // first half warms the JIT up
            }
            Har har = builder.build(v, ProbeKind.DIRECT);
            sink += captured(json, har, v).gzipJson().length;
        }
        double micros = (System.nanoTime() - start) / 1000.0 / (rounds / 2);
        System.out.printf("recording one result (lab-ok): %.1f us of CPU (%.1f%% of a core at 1,000 probes/s) [%d]%n",
                micros, micros / 10, sink % 10);
    }

    private static Captured captured(HarJson json, Har har, Verdict v) {
        return Captured.of(har, json.bytes(har), v.result().startedAt(), v.cause().label(), v.up());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
