package io.originwatch.api;

import io.originwatch.app.EvidenceRecorder;
import io.originwatch.app.MaintenanceService;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.UnknownOriginException;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeRunner;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The origins and their latest results. Errors answer {@link ErrorBody}. */
@Path("/api/origins")
@Produces(MediaType.APPLICATION_JSON)
public class OriginResource {

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeRunner runner;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    MaintenanceService maintenance;

    @Inject
    ProbeCooldown cooldown;

    @GET
    @Operation(summary = "Every configured origin with its latest result, sorted by name")
    public List<OriginView> list() {
        return registry.all().stream()
                .map(s -> OriginView.of(s, evidence, maintenance, registry.ownership()))
                .toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One origin with its latest result")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public OriginView get(@PathParam("name") String name) {
        return OriginView.of(state(name), evidence, maintenance, registry.ownership());
    }

    @GET
    @Path("/{name}/history")
    @Operation(summary = "The origin's last results (at most 50), newest first")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public List<ResultView> history(@PathParam("name") String name) {
        return ResultView.newestFirst(state(name).history());
    }

    @POST
    @Sensitive
    @Path("/{name}/probe")
    @Operation(summary = "Probe a configured origin now and return its result")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "A probe of this origin is already in flight",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(
            responseCode = "429",
            description = "A manual probe of this origin ran less than originwatch.api.probe-cooldown ago",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<OriginView> probe(@PathParam("name") String name) {
        state(name);
        cooldown.acquire(name).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new WebApplicationException(Response.status(429)
                    .header("Retry-After", seconds)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(
                            "probe_cooldown",
                            "origin " + name + " was probed by hand less than originwatch.api.probe-cooldown ago;"
                                    + " retry in " + seconds + " s (scheduled probes go on)"))
                    .build());
        });
        return runner.probeNow(name)
                .thenApply(r -> OriginView.of(state(name), evidence, maintenance, registry.ownership()));
    }

    private OriginStateView state(String name) {
        return registry.state(name).orElseThrow(() -> new UnknownOriginException(name));
    }
}
