package io.originwatch.app;

import io.originwatch.config.ConfigError;
import io.originwatch.config.LabOrigins;
import io.originwatch.config.SettingsLoader;
import io.originwatch.lab.OriginLab;
import io.originwatch.origin.Origin;
import io.originwatch.probe.Resolver;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The demo: starts the origin lab, makes the prober resolve lab names through the lab first (so the
 * unreachable scenario's name never reaches real DNS), and registers one origin per lab origin.
 */
@ApplicationScoped
public class LabRunner {

    private static final Logger LOG = Logger.getLogger(LabRunner.class);

    @Inject
    SettingsLoader loader;

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeEngine engine;

    private OriginLab lab;

    /** Starts the lab; false (after logging why) when it cannot start. */
    synchronized boolean start() {
        try {
            lab = OriginLab.start();
        } catch (IOException e) {
            LOG.errorf("origin lab cannot start: %s", e.getMessage());
            return false;
        }
        OriginLab running = lab;
        engine.use(host -> resolve(running, host));
        List<ConfigError> errors = new ArrayList<>();
        List<Origin> origins = loader.validate(
                LabOrigins.toRaw(lab.origins(), lab.caPemFile()),
                registry.namesOutside(OriginRegistry.Source.LAB),
                errors);
        errors.forEach(e -> LOG.errorf("origin lab: origin skipped: %s", e));
        registry.apply(OriginRegistry.Source.LAB, origins);
        LOG.infof(
                "origin lab: probing %d lab origins (one per cause and warning); see /api/origins and /q/metrics",
                origins.size());
        return true;
    }

    private static List<InetAddress> resolve(OriginLab lab, String host) throws java.net.UnknownHostException {
        Optional<List<InetAddress>> answer = lab.lookup(host);
        return answer.isPresent() ? answer.get() : Resolver.SYSTEM.resolve(host);
    }

    synchronized void close() {
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }
}
