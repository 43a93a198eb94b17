package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listener contract from {@link ProbeListener}: every start is followed by exactly one end or
 * failed of the same phase before the next phase starts, phases come in probe order, probeEnd is
 * last, and a listener that throws changes nothing about the result.
 */
class ProbeListenerContractTest {

    /** start event -> its end and failed events, in the order phases happen. */
    private static final Map<String, List<String>> PAIRS = Map.of(
            "dnsStart", List.of("dnsEnd", "dnsFailed"),
            "connectStart", List.of("connectEnd", "connectFailed"),
            "tlsStart", List.of("tlsEnd", "tlsFailed"),
            "requestStart", List.of("requestEnd", "requestFailed"),
            "responseHeadStart", List.of("responseHeadEnd", "responseHeadFailed"),
            "responseBodyStart", List.of("responseBodyEnd", "responseBodyFailed"));

    private static final List<String> ORDER =
            List.of("dnsStart", "connectStart", "tlsStart", "requestStart", "responseHeadStart", "responseBodyStart");

    @RegisterExtension
    static final LabProber LAB = new LabProber();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "lab-ok",
                "lab-ok-https",
                "lab-unreachable",
                "lab-connection-refused",
                "lab-tls-handshake-failed",
                "lab-tls-certificate-invalid",
                "lab-connection-reset",
                "lab-empty-response",
                "lab-headers-too-large",
                "lab-body-truncated",
                "lab-certificate-invalid"
            })
    void everyStartGetsExactlyOneEndOrFailedInOrder(String name) {
        Recorder events = new Recorder(false);
        ProbeResult r = LAB.prober().probe(LAB.spec(LAB.origin(name)), events);
        assertPaired(events.names);
        assertThat(events.probeEndResult).isSameAs(r);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lab-ok", "lab-ok-https", "lab-connection-reset", "lab-tls-certificate-invalid"})
    void aThrowingListenerChangesNothing(String name) {
        ProbeSpec spec = LAB.spec(LAB.origin(name));
        ProbeResult quiet = LAB.prober().probe(spec, ProbeListener.NONE);
        Recorder throwing = new Recorder(true);
        ProbeResult loud = LAB.prober().probe(spec, throwing);
        assertThat(loud.failure()).isEqualTo(quiet.failure());
        assertThat(loud.head() == null ? 0 : loud.head().status())
                .isEqualTo(quiet.head() == null ? 0 : quiet.head().status());
        assertPaired(throwing.names);
    }

    @org.junit.jupiter.api.Test
    void okProbeEmitsTheFullSequence() {
        Recorder events = new Recorder(false);
        LAB.prober().probe(LAB.spec(LAB.origin("lab-ok")), events);
        assertThat(events.names)
                .containsExactly(
                        "probeStart",
                        "connectStart",
                        "connectEnd",
                        "requestStart",
                        "requestEnd",
                        "responseHeadStart",
                        "responseFirstByte",
                        "responseHeadEnd",
                        "responseBodyStart",
                        "responseBodyEnd",
                        "probeEnd");
    }

    static void assertPaired(List<String> names) {
        assertThat(names).first().isEqualTo("probeStart");
        assertThat(names).last().isEqualTo("probeEnd");
        assertThat(names).filteredOn("probeEnd"::equals).hasSize(1);
        String open = null;
        int lastPhase = -1;
        for (String e : names.subList(1, names.size() - 1)) {
            if (PAIRS.containsKey(e)) {
                assertThat(open)
                        .as("%s while %s is still open in %s", e, open, names)
                        .isNull();
                assertThat(ORDER.indexOf(e))
                        .as("%s out of order in %s", e, names)
                        .isGreaterThan(lastPhase);
                lastPhase = ORDER.indexOf(e);
                open = e;
            } else if (!e.equals("responseFirstByte")) {
                assertThat(open).as("%s without a start in %s", e, names).isNotNull();
                assertThat(PAIRS.get(open))
                        .as("%s closes %s in %s", e, open, names)
                        .contains(e);
                open = null;
            }
        }
        assertThat(open).as("phase left open in %s", names).isNull();
    }

    /** Records event names; optionally throws from every method after recording. */
    private static final class Recorder implements ProbeListener {
        final List<String> names = new ArrayList<>();
        final boolean explode;
        ProbeResult probeEndResult;

        Recorder(boolean explode) {
            this.explode = explode;
        }

        private void on(String name) {
            names.add(name);
            if (explode) {
                throw new IllegalStateException("listener failure in " + name);
            }
        }

        @Override
        public void probeStart(ProbeSpec spec) {
            on("probeStart");
        }

        @Override
        public void dnsStart(String host) {
            on("dnsStart");
        }

        @Override
        public void dnsEnd(String host, List<InetAddress> addresses) {
            on("dnsEnd");
        }

        @Override
        public void dnsFailed(String host, Exception cause) {
            on("dnsFailed");
        }

        @Override
        public void connectStart(InetSocketAddress address) {
            on("connectStart");
        }

        @Override
        public void connectEnd(InetSocketAddress address) {
            on("connectEnd");
        }

        @Override
        public void connectFailed(InetSocketAddress address, Exception cause) {
            on("connectFailed");
        }

        @Override
        public void tlsStart(String sni) {
            on("tlsStart");
        }

        @Override
        public void tlsEnd(TlsFacts facts) {
            on("tlsEnd");
        }

        @Override
        public void tlsFailed(TlsFacts partialFacts, Exception cause) {
            on("tlsFailed");
        }

        @Override
        public void requestStart() {
            on("requestStart");
        }

        @Override
        public void requestEnd(int bytesSent) {
            on("requestEnd");
        }

        @Override
        public void requestFailed(Exception cause) {
            on("requestFailed");
        }

        @Override
        public void responseHeadStart() {
            on("responseHeadStart");
        }

        @Override
        public void responseFirstByte() {
            on("responseFirstByte");
        }

        @Override
        public void responseHeadEnd(int headerBytes) {
            on("responseHeadEnd");
        }

        @Override
        public void responseHeadFailed(ProbeFailure failure) {
            on("responseHeadFailed");
        }

        @Override
        public void responseBodyStart() {
            on("responseBodyStart");
        }

        @Override
        public void responseBodyEnd(long bodyBytes) {
            on("responseBodyEnd");
        }

        @Override
        public void responseBodyFailed(Exception cause) {
            on("responseBodyFailed");
        }

        @Override
        public void probeEnd(ProbeResult result) {
            probeEndResult = result;
            on("probeEnd");
        }
    }
}
