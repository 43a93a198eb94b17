package io.originwatch.schedule;

import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.config.EvidenceConfig;
import io.originwatch.config.EvidenceSettings;
import io.originwatch.http1.RedactionRule;
import io.originwatch.probe.ProbeListener;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.Prober;
import io.originwatch.probe.Resolver;
import io.originwatch.probe.TlsStack;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Probe then classify: the engine the daemon drives. The prober is swapped when the TLS stack is
 * chosen at start-up and once the lab is up. Every prober keeps
 * {@code originwatch.evidence.body-capture-bytes} of each body for the HAR.
 */
@ApplicationScoped
public class ProbeEngine {

    @Inject
    EvidenceConfig evidence;

    private final Classifier classifier = new Classifier();
    private volatile Prober prober;
    private RedactionRule redaction;
    private int bodyCaptureBytes;

    @PostConstruct
    void init() {
        redaction = new RedactionRule(evidence.redactHeaders().orElse(List.of()));
        // an invalid value is reported by the daemon's start-up check, which then exits; the default until then
        bodyCaptureBytes = EvidenceSettings.from(evidence, new ArrayList<>()).bodyCaptureBytes();
        prober = new Prober(Resolver.SYSTEM, bodyCaptureBytes, TlsStack.JDK, redaction);
    }

    /**
     * The daemon's one redaction rule (built-in names plus {@code originwatch.evidence.redact-headers}):
     * the prober's failure excerpts follow it, and so do HARs, curl lines and API views.
     */
    public RedactionRule redaction() {
        return redaction;
    }

    /** From now on, names resolve through {@code resolver} (the lab's names first). */
    public synchronized void use(Resolver resolver) {
        this.prober = new Prober(resolver, bodyCaptureBytes, prober.tls(), redaction);
    }

    /** From now on, handshakes go through {@code tls}. */
    public synchronized void use(TlsStack tls) {
        this.prober = new Prober(prober.resolver(), bodyCaptureBytes, tls, redaction);
    }

    /** The TLS stack probes use now. */
    public TlsStack tls() {
        return prober.tls();
    }

    /**
     * Probes and classifies on the calling thread. No {@link ProbeListener}: the result carries every
     * phase timing, and the daemon reads them there (see the listener's class comment).
     */
    public Verdict probe(ProbeSpec spec) {
        ProbeResult result = prober.probe(spec, ProbeListener.NONE);
        // one clock per probe: certificate_expiring is judged at the probe's start, like every other fact
        return classifier.classify(result, result.startedAt());
    }
}
