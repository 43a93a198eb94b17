package io.originwatch.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.classify.Verdict;
import io.originwatch.config.EvidenceConfig;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EdgeObservation;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.Har;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.HarDirectory;
import io.originwatch.evidence.OriginEvidence;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.Redactor;
import io.originwatch.probe.ProbeResult;
import io.originwatch.schedule.EdgeProbeCompleted;
import io.originwatch.schedule.OriginRemoved;
import io.originwatch.schedule.ProbeCompleted;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Turns every probe result into a HAR and keeps it (latest and last failing, direct and via the
 * edge); writes the first HAR of each failure episode to {@code originwatch.evidence.dir} when set.
 * Observers run on the probe's thread right after the state update; they never throw into it.
 */
@ApplicationScoped
public class EvidenceRecorder {

    private static final Logger LOG = Logger.getLogger(EvidenceRecorder.class);
    /** UTC timestamp in file names: sorts by time, no characters a file system or shell dislikes. */
    static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    EvidenceConfig config;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    private final EvidenceStore store = new EvidenceStore();
    private HarBuilder builder;
    private HarJson json;
    private HarDirectory directory;

    @PostConstruct
    void init() {
        builder = new HarBuilder(version, new Redactor(config.redactHeaders().orElse(List.of())));
        json = new HarJson(mapper);
        directory = config.dir().filter(d -> !d.isBlank()).map(d -> new HarDirectory(Path.of(d.trim()), config.dirMaxBytes()))
                .orElse(null);
    }

    void onProbe(@Observes ProbeCompleted event) {
        try {
            Verdict v = event.verdict();
            Har har = builder.build(v, ProbeKind.DIRECT);
            byte[] bytes = json.bytes(har);
            if (store.recordDirect(event.origin(), captured(har, bytes, v))) {
                write(event.origin(), ProbeKind.DIRECT, bytes, v);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "origin=%s HAR not recorded", event.origin());
        }
    }

    void onEdgeProbe(@Observes EdgeProbeCompleted event) {
        try {
            Verdict v = event.edge();
            Har har = builder.build(v, ProbeKind.VIA_EDGE);
            byte[] bytes = json.bytes(har);
            if (store.recordEdge(event.origin(), captured(har, bytes, v), EdgeObservation.of(v))) {
                write(event.origin(), ProbeKind.VIA_EDGE, bytes, v);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "origin=%s via-edge HAR not recorded", event.origin());
        }
    }

    void onRemoved(@Observes OriginRemoved event) {
        store.remove(event.origin());
    }

    private static Captured captured(Har har, byte[] bytes, Verdict v) {
        return Captured.of(har, bytes, v.result().startedAt(), v.cause().label(), v.up());
    }

    private void write(String origin, ProbeKind kind, byte[] har, Verdict v) {
        if (directory == null) {
            return;
        }
        String name = origin + "-" + kind.label() + "-" + FILE_TIME.format(v.result().startedAt()) + "-"
                + v.cause().label() + ".har";
        try {
            directory.write(name, har);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("origin=%s HAR not written to %s: %s", origin, directory.dir(), e.toString());
        }
    }

    public Optional<OriginEvidence> evidence(String origin) {
        return store.get(origin);
    }

    /** The curl line that repeats this probe by hand. */
    public String curl(ProbeResult result) {
        return builder.curl(result);
    }

    /** The download name of a HAR: {@code <origin>-<UTC time>.har}. */
    static String fileName(String origin, Instant probedAt) {
        return origin + "-" + FILE_TIME.format(probedAt) + ".har";
    }

    public HarBuilder builder() {
        return builder;
    }
}
