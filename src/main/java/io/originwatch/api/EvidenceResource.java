package io.originwatch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.app.ClusterRuntime;
import io.originwatch.app.EdgeRuntime;
import io.originwatch.app.EvidenceRecorder;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.evidence.Captured;
import io.originwatch.evidence.OriginEvidence;
import io.originwatch.evidence.ProbeKind;
import io.originwatch.evidence.SupportSummary;
import io.originwatch.evidence.TimelineEntry;
import io.originwatch.handover.CarriedEvidence;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.UnknownOriginException;
import io.originwatch.schedule.OriginRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Evidence downloads: HAR files and the support bundle. They hold request and response headers and
 * bodies (secrets redacted), so they are {@link Sensitive}: never served without a token (see {@link ApiTokenFilter}).
 */
@Path("/api/origins/{name}")
public class EvidenceResource {

    static final String ZIP = "application/zip";

    @Inject
    OriginRegistry registry;

    @Inject
    EvidenceRecorder recorder;

    @Inject
    EdgeRuntime edge;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClusterRuntime cluster;

    @GET
    @Sensitive
    @Path("/har")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "HAR 1.2 of the origin's latest probe, or of its last failing one (failing=true)")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name, or no such HAR yet",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response har(
            @PathParam("name") String name,
            @QueryParam("failing") boolean failing,
            @QueryParam("via-edge") boolean viaEdge) {
        OriginStateView state = state(name);
        if (failing && !viaEdge) {
            // cluster mode: the owner's snapshot carries its last failing HAR (already redacted)
            cluster.current(state);
            CarriedEvidence carried = recorder.carriedFailing(name).orElse(null);
            if (carried != null) {
                return Response.ok(carried.har(), MediaType.APPLICATION_JSON)
                        .header("Content-Disposition", attachment(EvidenceRecorder.fileName(name, carried.probedAt())))
                        .build();
            }
        }
        OriginEvidence ev = recorder.evidence(name).orElse(null);
        Captured c = ev == null ? null : pick(ev, failing, viaEdge ? ProbeKind.VIA_EDGE : ProbeKind.DIRECT);
        if (c == null) {
            String what = (failing ? "failing " : "") + (viaEdge ? "via-edge " : "") + "probe";
            return Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody("no_har", "no " + what + " of " + name + " has been recorded yet"))
                    .build();
        }
        return Response.ok(recorder.json(c), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", attachment(EvidenceRecorder.fileName(name, c.probedAt())))
                .build();
    }

    private static Captured pick(OriginEvidence ev, boolean failing, ProbeKind kind) {
        if (kind == ProbeKind.DIRECT) {
            return failing ? ev.directFailing() : ev.direct();
        }
        return failing ? ev.edgeFailing() : ev.edge();
    }

    @GET
    @Sensitive
    @Path("/support-bundle")
    @Produces(ZIP)
    @Operation(summary = "Zip for a CDN support ticket: direct.har, via-edge.har, summary.md, history.json")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response supportBundle(@PathParam("name") String name) {
        OriginStateView state = cluster.current(state(name));
        Origin origin = state.origin();
        OriginEvidence ev = recorder.evidence(name).orElse(null);
        List<HistoryEntry> history = state.history();
        Instant now = Instant.now();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Captured direct = ev == null ? null : ev.forTicket(ProbeKind.DIRECT);
            // cluster mode: the previous owner's failing HAR until this member's own probe fails
            CarriedEvidence carried = recorder.carriedFailing(name).orElse(null);
            if (carried != null) {
                put(zip, "direct.har", carried.har());
            } else if (direct != null) {
                put(zip, "direct.har", recorder.json(direct));
            }
            Captured viaEdge = ev == null ? null : ev.forTicket(ProbeKind.VIA_EDGE);
            if (origin.viaEdge() != null && viaEdge != null) {
                put(zip, "via-edge.har", recorder.json(viaEdge));
            }
            put(zip, "summary.md", summary(origin, ev, history, now).getBytes(StandardCharsets.UTF_8));
            put(zip, "history.json", historyJson(history));
        } catch (IOException e) {
            throw new UncheckedIOException("support bundle of " + name, e);
        }
        return Response.ok(out.toByteArray(), ZIP)
                .header(
                        "Content-Disposition",
                        attachment(name + "-" + EvidenceRecorder.FILE_TIME.format(now) + "-support.zip"))
                .build();
    }

    private String summary(Origin origin, OriginEvidence ev, List<HistoryEntry> history, Instant now) {
        List<TimelineEntry> timeline = history.stream()
                .map(r -> new TimelineEntry(r.probedAt(), r.cause().label(), r.edgeStatus(), r.detail()))
                .toList();
        return new SupportSummary(
                        origin.name(),
                        recorder.redactor().url(origin.spec().url().toString()),
                        origin.spec().host(),
                        origin.viaEdge() == null
                                ? null
                                : recorder.redactor().url(origin.viaEdge().url().toString()),
                        now,
                        ZoneId.systemDefault(),
                        timeline,
                        ev,
                        allowlists(),
                        recorder.builder())
                .render();
    }

    /** The edge code's last allowlist checks (never triggers a check: a bundle must not wait on the network). */
    private List<String> allowlists() {
        List<String> lines = new ArrayList<>();
        int defined = edge.monitor().definitions().size();
        for (AllowlistStatus s : edge.monitor().statuses()) {
            lines.add("`" + s.name() + "` (" + s.source() + "): " + s.state().label() + " at " + s.checkedAt()
                    + ", " + s.missing().size() + " edge range(s) missing, "
                    + s.extra().size() + " extra"
                    + (s.error() == null ? "" : ", error: " + s.error()));
        }
        if (lines.size() < defined) {
            lines.add((defined - lines.size())
                    + " allowlist(s) configured but not checked yet (see GET /api/allowlists)");
        }
        return lines;
    }

    private byte[] historyJson(List<HistoryEntry> history) throws JsonProcessingException {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(ResultView.newestFirst(history));
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    private OriginStateView state(String name) {
        return registry.state(name).orElseThrow(() -> new UnknownOriginException(name));
    }
}
