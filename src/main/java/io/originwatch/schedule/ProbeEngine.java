package io.originwatch.schedule;

import io.originwatch.classify.Classifier;
import io.originwatch.classify.Verdict;
import io.originwatch.probe.ProbeListener;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.Prober;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Probe then classify: the engine the daemon drives. The prober is swapped once the lab is up. */
@ApplicationScoped
public class ProbeEngine {

    private final Classifier classifier = new Classifier();
    private volatile Prober prober = new Prober();

    void use(Prober p) {
        this.prober = p;
    }

    public Verdict probe(ProbeSpec spec, ProbeListener listener) {
        return classifier.classify(prober.probe(spec, listener), Instant.now());
    }
}
