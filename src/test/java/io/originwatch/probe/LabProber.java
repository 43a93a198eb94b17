package io.originwatch.probe;

import io.originwatch.lab.LabExtension;
import io.originwatch.lab.LabOrigin;
import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A per-class lab plus a prober that resolves only lab names: the shared setup of the prober tests. */
final class LabProber extends LabExtension {

    private Prober prober;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        super.beforeAll(context);
        prober = new Prober(LabFixture.resolver(lab()), Prober.DEFAULT_BODY_CAPTURE_BYTES, LabFixture.tlsStack());
        io.originwatch.testing.ClientCertificates.readAll(lab());
    }

    Prober prober() {
        return prober;
    }

    /** The default spec for a lab origin (trusting the lab CA when it is https). */
    ProbeSpec spec(LabOrigin o) {
        return LabFixture.spec(lab(), o);
    }

    /** Probes the named lab origin with its default spec and no listener. */
    ProbeResult probe(String name) {
        return prober.probe(spec(origin(name)), ProbeListener.NONE);
    }
}
