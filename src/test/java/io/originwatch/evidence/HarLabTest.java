package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.lab.LabOrigin;
import io.originwatch.lab.OriginLab;
import io.originwatch.probe.ProbeListener;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.Prober;
import io.originwatch.testing.ProbeBuilder;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every lab origin (each cause and warning of the catalogue): the real prober and classifier,
 * then the HAR, which must be valid HAR 1.2 and tell the story: cause, edge status, status 0 with
 * {@code _error} when nothing came back, real header byte counts, headers as sent and received.
 * All origins are probed at once on virtual threads.
 */
class HarLabTest {

    private static OriginLab lab;
    private static final Map<String, Verdict> VERDICTS = new ConcurrentHashMap<>();
    private static final HarBuilder BUILDER = new HarBuilder("test", Redactor.defaults());

    @BeforeAll
    static void probeEveryOrigin() throws Exception {
        lab = OriginLab.start();
        io.originwatch.testing.ClientCertificates.readAll(lab);
        Prober prober = new Prober(h -> lab.lookup(h).orElseThrow(() -> new UnknownHostException(h)));
        Classifier classifier = new Classifier();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (LabOrigin o : lab.origins()) {
                pool.submit(() -> VERDICTS.put(
                        o.name(), classifier.classify(prober.probe(spec(o), ProbeListener.NONE), Instant.now())));
            }
        }
    }

    static ProbeSpec spec(LabOrigin o) {
        return specFor(lab, o, List.of());
    }

    static ProbeSpec specFor(OriginLab lab, LabOrigin o, List<ProbeSpec.RequestHeader> headers) {
        return ProbeBuilder.lab(o)
                .headers(headers)
                .trustCa(o.https() ? lab.caPemFile() : null)
                .spec();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static Stream<String> origins() throws IOException {
        try (OriginLab names = OriginLab.start()) {
            return names.origins().stream().map(LabOrigin::name).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("origins")
    void harIsValidAndTellsTheStory(String name) {
        LabOrigin o = lab.origins().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow();
        Verdict v = VERDICTS.get(name);
        ProbeResult r = v.result();
        JsonNode entry = HarSchema.valid(BUILDER.build(v, ProbeKind.DIRECT)).at("/log/entries/0");

        assertThat(entry.get("_cause").asText()).isEqualTo(o.expectedCause());
        assertThat(entry.get("_edgeStatus").asInt()).isEqualTo(v.edgeStatus());
        assertThat(entry.get("_warnings")).extracting(JsonNode::asText).containsExactlyElementsOf(o.expectedWarnings());
        assertThat(entry.get("_probe").asText()).isEqualTo("direct");
        boolean h2 = ProbeResult.HTTP_2.equals(r.httpVersion());
        assertThat(entry.get("_curl").asText())
                .startsWith("curl -sv -o /dev/null " + (h2 ? "--http2 " : "--http1.1 "))
                .doesNotContain(":authority");
        assertThat(entry.at("/request/httpVersion").asText()).isEqualTo(h2 ? "HTTP/2" : "HTTP/1.1");
        assertThat(entry.has("serverIPAddress")).isEqualTo(r.connectedAddress() != null);
        requestAsSent(entry.get("request"), r);
        JsonNode response = entry.get("response");
        if (r.failure() == null) {
            assertThat(entry.has("_error")).isFalse();
            assertThat(response.get("status").asInt()).isEqualTo(r.head().status());
            assertThat(response.get("httpVersion").asText())
                    .isEqualTo(h2 ? "HTTP/2" : r.head().version());
            // HTTP/2: the head's size measured as HTTP/1.1, as header-limit counts it
            assertThat(response.get("headersSize").asInt())
                    .isEqualTo(
                            h2
                                    ? r.head().headerSectionBytes()
                                    : headEnd(r.evidence().responseHead()));
        } else if (r.evidence().responseHead().length == 0) {
            assertThat(entry.get("_error").asText()).isEqualTo(v.detail());
            assertThat(response.get("status").asInt()).isZero();
            assertThat(response.get("headersSize").asInt()).isEqualTo(-1);
        } else {
            assertThat(entry.get("_error").asText()).isEqualTo(v.detail());
            assertThat(response.get("headersSize").asInt())
                    .isEqualTo(r.headerBytes())
                    .isPositive();
            assertThat(response.get("comment").asText()).contains(r.headerBytes() + " bytes received");
        }
        timings(entry.get("timings"), o, r);
    }

    private static JsonNode entry(String name) {
        return HarSchema.valid(BUILDER.build(VERDICTS.get(name), ProbeKind.DIRECT))
                .at("/log/entries/0");
    }

    @org.junit.jupiter.api.Test
    void okCarriesTheBodyAsText() {
        JsonNode content = entry("lab-ok").at("/response/content");
        assertThat(content.get("text").asText()).isEqualTo("hello, world\n");
        assertThat(content.get("size").asInt()).isEqualTo(13);
        assertThat(content.has("encoding")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void oversizedHeadShowsTheBytesUpToTheLimitAndTheCutLine() {
        JsonNode e = entry("lab-headers-too-large");
        assertThat(e.at("/response/headersSize").asInt()).isEqualTo(8193);
        assertThat(e.at("/response/status").asInt())
                .as("the status line itself was fine")
                .isEqualTo(200);
        JsonNode headers = e.at("/response/headers");
        assertThat(headers.get(headers.size() - 1).get("comment").asText()).isEqualTo(RawHead.CUT_OFF);
        assertThat(e.get("_edgeStatus").asInt()).isEqualTo(520);
    }

    @org.junit.jupiter.api.Test
    void malformedLineIsShownAndFlagged() {
        JsonNode headers = entry("lab-invalid-response").at("/response/headers");
        assertThat(headers).anySatisfy(h -> {
            assertThat(h.get("name").asText()).isEqualTo("This line has no colon");
            assertThat(h.get("comment").asText()).isEqualTo(RawHead.NO_COLON);
        });
    }

    @org.junit.jupiter.api.Test
    void certificateFactsTravelInTls() {
        JsonNode tls = entry("lab-tls-certificate-invalid").get("_tls");
        assertThat(tls.get("validationError").asText()).startsWith("certificate expired on ");
        assertThat(tls.get("leafSans").get(0).asText()).isEqualTo("tls-certificate-invalid.lab.test");
    }

    /** The request's headers re-serialized give exactly the bytes the prober sent. */
    private static void requestAsSent(JsonNode request, ProbeResult r) {
        int sent = r.evidence().requestHead().length;
        if (sent == 0) {
            assertThat(request.get("headersSize").asInt()).isEqualTo(-1);
            assertThat(request.get("comment").asText()).startsWith("not sent");
            return;
        }
        StringBuilder wire = new StringBuilder("GET " + path(request.get("url").asText()) + " "
                + request.get("httpVersion").asText() + "\r\n");
        request.get("headers")
                .forEach(h -> wire.append(h.get("name").asText())
                        .append(": ")
                        .append(h.get("value").asText())
                        .append("\r\n"));
        wire.append("\r\n");
        assertThat(wire.toString()).isEqualTo(new String(r.evidence().requestHead(), StandardCharsets.ISO_8859_1));
        assertThat(request.get("headersSize").asInt()).isEqualTo(sent);
    }

    private static String path(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return url.substring(slash);
    }

    private static void timings(JsonNode t, LabOrigin o, ProbeResult r) {
        boolean connected = r.connectedAddress() != null;
        assertThat(t.get("connect").asDouble() >= 0).isEqualTo(connected);
        assertThat(t.get("dns").asDouble())
                .isEqualTo(-1); // lab urls are IP literals, except unreachable's failed lookup
        if (o.https() && r.tls() != null && r.tls().protocol() != null) {
            assertThat(t.get("ssl").asDouble())
                    .isNotNegative()
                    .isLessThanOrEqualTo(t.get("connect").asDouble());
        } else {
            assertThat(t.get("ssl").asDouble()).isEqualTo(-1);
        }
        if (o.expectedCause().equals("response_timeout") && r.evidence().responseHead().length == 0) {
            assertThat(t.get("wait").asDouble())
                    .as("waited for the answer")
                    .isGreaterThanOrEqualTo(o.responseTimeout().toMillis() * 0.9);
        }
    }

    /** Independent count: bytes up to and including the first empty line (after any 1xx heads). */
    private static int headEnd(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        List<Integer> ends = new ArrayList<>();
        int from = 0;
        while (true) {
            int i = s.indexOf("\r\n\r\n", from);
            if (i < 0) {
                break;
            }
            ends.add(i + 4 - from);
            from = i + 4;
        }
        return ends.get(ends.size() - 1);
    }
}
