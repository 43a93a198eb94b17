import io.originwatch.alert.ActiveAlert;
import io.originwatch.alert.SavedOrigin;
import io.originwatch.classify.Cause;
import io.originwatch.classify.Verdict;
import io.originwatch.handover.OriginSnapshot;
import io.originwatch.handover.SnapshotCodec;
import io.originwatch.http1.HeaderField;
import io.originwatch.http1.ResponseHead;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.StatusSet;
import io.originwatch.probe.TlsFacts;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What cluster mode's state continuity costs per probe: encoding one origin's snapshot (what the
 * owner does after every probe) and decoding it (what a new owner or a non-owner's view does), in
 * CPU microseconds, and its size, for an HTTPS result with 12 response headers and a firing alert.
 *
 * <pre>
 *   mvn -B -q compile
 *   java -cp target/classes:$(cat target/classpath.txt 2>/dev/null) bench/SnapshotCost.java
 * </pre>
 */
public class SnapshotCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        ProbeSpec spec = ProbeSpec.builder()
                .name("shop")
                .url(URI.create("https://203.0.113.7/health"))
                .host("shop.example.com")
                .method("GET")
                .headers(List.of())
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(10))
                .headerLimitBytes(32 * 1024)
                .bodyLimitBytes(64 * 1024)
                .expectStatus(StatusSet.parse("200-399"))
                .userAgent("originwatch/bench")
                .build();
        Instant t = Instant.now();
        List<HeaderField> fields = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fields.add(new HeaderField("X-Header-" + i, "value-" + i + "-abcdefghijklmnopqrstuvwxyz"));
        }
        ProbeResult r = new ProbeResult(
                spec,
                t,
                new PhaseTimings(Map.of(
                        Phase.DNS, Duration.ofMillis(1),
                        Phase.CONNECT, Duration.ofMillis(12),
                        Phase.TLS, Duration.ofMillis(30),
                        Phase.TTFB, Duration.ofMillis(40),
                        Phase.TOTAL, Duration.ofMillis(90))),
                new InetSocketAddress("203.0.113.7", 443),
                null,
                new ResponseHead("HTTP/1.1", 503, "Service Unavailable", fields, 812),
                812,
                1234,
                false,
                false,
                new TlsFacts(
                        "TLSv1.3",
                        "TLS_AES_128_GCM_SHA256",
                        "CN=shop.example.com",
                        List.of("shop.example.com", "www.shop.example.com"),
                        "CN=R11,O=Let's Encrypt",
                        t.plusSeconds(86_400 * 60),
                        t.minusSeconds(86_400 * 30),
                        null,
                        "h2"),
                Evidence.none(),
                ProbeResult.HTTP_2);
        Verdict v = new Verdict(r, Cause.UNEXPECTED_STATUS, 503, 503, List.of(), "status 503 not in 200-399");
        ActiveAlert a = new ActiveAlert(
                "shop",
                Map.of("team", "web"),
                v.cause(),
                503,
                "warning",
                v.detail(),
                r.timings(),
                t,
                t.minusSeconds(60));
        OriginSnapshot s = new OriginSnapshot(
                "shop",
                new ProbeRecord(v),
                false,
                7,
                0,
                t.minusSeconds(60),
                new SavedOrigin("shop", 7, 0, t.minusSeconds(60), a));
        byte[] bytes = SnapshotCodec.encode(s);
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 2; warm++) {
            long c0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                bytes = SnapshotCodec.encode(s);
            }
            long c1 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                SnapshotCodec.decode("shop", bytes, spec);
            }
            long c2 = bean.getCurrentThreadCpuTime();
            if (warm == 1) {
                System.out.printf(
                        "snapshot: %d bytes; encode %.1f us CPU, decode %.1f us CPU (%d rounds)%n",
                        bytes.length, (c1 - c0) / 1e3 / rounds, (c2 - c1) / 1e3 / rounds, rounds);
            }
        }
    }
}
