package io.originwatch.lab;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link OriginLab} per test class: started before the class's first test and closed after its
 * last. Register it on a static field ({@code @RegisterExtension static final LabExtension LAB = ...}).
 * Per class rather than per JVM because a lab owns sockets, threads and a temp CA file; closing it
 * with the class that started it keeps classes independent.
 */
public class LabExtension implements BeforeAllCallback, AfterAllCallback {

    private OriginLab lab;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        lab = OriginLab.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }

    /** The running lab; only between the class's first and last test. */
    public OriginLab lab() {
        if (lab == null) {
            throw new IllegalStateException("the lab runs only while its test class runs (register as a static field)");
        }
        return lab;
    }

    /** The lab origin with this name (e.g. {@code lab-ok}); fails the test on an unknown name. */
    public LabOrigin origin(String name) {
        return lab().origins().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab origin " + name));
    }
}
