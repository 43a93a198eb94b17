package io.originwatch.schedule;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts the origin lab and registers one origin per lab origin. Placeholder until the lab lands
 * from the prober branch; see the daemon report.
 */
@ApplicationScoped
public class LabRunner {

    void start() {
        throw new UnsupportedOperationException("the origin lab is not merged yet");
    }

    void close() {
    }
}
