package io.originwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.classify.Verdict;
import io.originwatch.config.EvidenceConfig;
import io.originwatch.config.EvidenceSettings;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EdgeObservation;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.HarDirectory;
import io.originwatch.evidence.HarWriteQueue;
import io.originwatch.evidence.OriginEvidence;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.Redactor;
import io.originwatch.handover.CarriedEvidence;
import io.originwatch.metrics.EvidenceMetrics;
import io.originwatch.origin.EdgeProbeCompleted;
import io.originwatch.origin.OriginRemoved;
import io.originwatch.origin.ProbeCompleted;
import io.originwatch.probe.ProbeResult;
import io.originwatch.schedule.ProbeEngine;
import io.originwatch.schedule.ProbeObserver;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps every probe result (latest and last failing, direct and via the edge) and renders its HAR
 * when asked; writes the first HAR of each failure episode to {@code originwatch.evidence.dir} when set.
 * Observers run on the probe's thread right after the state update, outside the state's lock; they
 * only keep references and queue the disk write (rendered and written by the {@link HarWriteQueue}'s
 * one writer thread, in probe order; a full queue drops the write and counts it in
 * {@code originwatch_evidence_har_writes_dropped_total}). They never throw into the probe.
 */
@ApplicationScoped
public class EvidenceRecorder implements ProbeObserver {

    private static final Logger LOG = Logger.getLogger(EvidenceRecorder.class);
    /** UTC timestamp in file names: sorts by time, no characters a file system or shell dislikes. */
    public static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    EvidenceConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    EvidenceMetrics metrics;

    @Inject
    ProbeEngine engine;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    private final EvidenceStore store = new EvidenceStore();
    private final CarriedHars carried = new CarriedHars(store, this::json);

    private HarBuilder builder;
    private HarJson json;
    private HarDirectory directory;
    private HarWriteQueue writes;

    @PostConstruct
    void init() {
        builder = new HarBuilder(version, new Redactor(engine.redaction()));
        json = new HarJson(mapper);
        // an invalid originwatch.evidence.* is reported by the daemon's start-up check; until it exits, memory only
        EvidenceSettings settings = EvidenceSettings.from(config, new ArrayList<>());
        directory = settings.dir()
                .map(d -> new HarDirectory(d, settings.dirMaxBytes()))
                .orElse(null);
        if (directory != null) {
            HarDirectory dir = directory;
            writes = new HarWriteQueue(dir::write, HarWriteQueue.DEFAULT_CAPACITY, new HarWriteQueue.Listener() {
                        @Override
                        public void dropped(String origin, String fileName) {
                            metrics.dropped(origin, fileName);
                        }

                        @Override
                        public void failed(String origin, String fileName, Exception e) {
                            LOG.warnf("origin=%s HAR not written to %s: %s", origin, dir.dir(), e.toString());
                        }
                    })
                    .start();
        }
    }

    @PreDestroy
    void stop() {
        if (writes != null) {
            writes.close();
        }
    }

    @Override
    public Stage stage() {
        return Stage.EVIDENCE;
    }

    @Override
    public void onProbe(ProbeCompleted event) {
        try {
            Captured c = new Captured(event.verdict(), ProbeKind.DIRECT);
            if (store.recordDirect(event.origin(), c)) {
                write(event.origin(), c);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "origin=%s probe evidence not recorded", event.origin());
        }
    }

    @Override
    public void onEdgeProbe(EdgeProbeCompleted event) {
        try {
            Verdict v = event.edge();
            Captured c = new Captured(v, ProbeKind.VIA_EDGE);
            if (store.recordEdge(event.origin(), c, EdgeObservation.of(v))) {
                write(event.origin(), c);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "origin=%s via-edge probe evidence not recorded", event.origin());
        }
    }

    void onRemoved(@Observes OriginRemoved event) {
        store.remove(event.origin());
        carried.remove(event.origin());
    }

    /** Cluster mode's side of the evidence: the last failing HAR carried across a move. */
    CarriedHars carried() {
        return carried;
    }

    /**
     * The previous owner's last failing direct HAR of {@code origin} (cluster mode, from its
     * snapshot), until this member has a failing direct probe of its own as new or newer.
     */
    public Optional<CarriedEvidence> carriedFailing(String origin) {
        return carried.failing(origin);
    }

    /**
     * The first HAR of a failure episode, queued for the disk when a directory is set (the only
     * per-probe HAR build, done on the writer thread).
     */
    private void write(String origin, Captured c) {
        if (writes == null) {
            return;
        }
        String name = origin + "-" + c.kind().label() + "-" + FILE_TIME.format(c.probedAt()) + "-" + c.cause() + ".har";
        writes.offer(origin, name, () -> json(c));
    }

    /** The kept probe's HAR as served: UTF-8 JSON, built now. */
    public byte[] json(Captured c) {
        return json.bytes(c.har(builder));
    }

    public Optional<OriginEvidence> evidence(String origin) {
        return store.get(origin);
    }

    /** The daemon's redaction rule, for views that show configured URLs. */
    public Redactor redactor() {
        return builder.redactor();
    }

    /** The curl line that repeats this probe by hand. */
    public String curl(ProbeResult result) {
        return builder.curl(result);
    }

    /** The download name of a HAR: {@code <origin>-<UTC time>.har}. */
    public static String fileName(String origin, Instant probedAt) {
        return origin + "-" + FILE_TIME.format(probedAt) + ".har";
    }

    public HarBuilder builder() {
        return builder;
    }
}
