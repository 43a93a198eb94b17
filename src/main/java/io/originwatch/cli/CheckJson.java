package io.originwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.api.MaintenanceView;
import io.originwatch.api.OriginView;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EdgeObservation;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.HarBuilder;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.schedule.OriginState;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code --json}: one origin exactly as {@code GET /api/origins/{name}} shows it, or the list as
 * {@code GET /api/origins} does for {@code --config}. Built by the API's own factory
 * ({@link OriginView#of(io.originwatch.origin.OriginStateView, String, io.originwatch.evidence.OriginEvidence, io.originwatch.evidence.Redactor, MaintenanceView, String)}) from a state
 * and evidence store that went through one probe, so the shape cannot drift from the API's.
 */
final class CheckJson {

    /** Jackson's defaults, as the REST layer's (no {@code quarkus.jackson.*} is set): nulls are written. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckJson() {}

    static String one(CheckResult c, HarBuilder evidence) {
        return write(view(c, evidence));
    }

    static String list(List<CheckResult> results, HarBuilder evidence) {
        return write(results.stream().map(c -> view(c, evidence)).toList());
    }

    static OriginView view(CheckResult c, HarBuilder evidence) {
        OriginState state = OriginState.afterOneProbe(c.origin(), new ProbeRecord(c.direct()));
        EvidenceStore store = new EvidenceStore();
        String name = c.origin().name();
        store.recordDirect(name, new Captured(c.direct(), ProbeKind.DIRECT));
        if (c.edge() != null) {
            store.recordEdge(name, new Captured(c.edge(), ProbeKind.VIA_EDGE), EdgeObservation.of(c.edge()));
        }
        return OriginView.of(
                state,
                evidence.curl(c.direct().result()),
                store.get(name).orElse(null),
                evidence.redactor(),
                MaintenanceView.NONE,
                null);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("JSON output failed", e);
        }
    }
}
