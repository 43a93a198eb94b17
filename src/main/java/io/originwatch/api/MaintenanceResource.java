package io.originwatch.api;

import io.originwatch.app.MaintenanceService;
import io.originwatch.maintenance.MaintenanceWindow;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Runtime maintenance windows for deploy pipelines: {@code POST} opens (or replaces) an origin's
 * window for a duration of at most 24 h, {@code DELETE} ends it. Writes, so with
 * {@code originwatch.api.token} set they need the token ({@link ApiTokenFilter}). A reload never
 * ends a runtime window; a restart does (they live in memory).
 */
@Path("/api/origins/{name}/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    /** {@code {"duration":"30m","comment":"deploy 123"}}. */
    public record StartRequest(String duration, String comment) {}

    @Inject
    MaintenanceService maintenance;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open (or replace) the origin's runtime maintenance window from now")
    @APIResponse(responseCode = "201", description = "The window")
    @APIResponse(
            responseCode = "400",
            description = "No duration, not a duration, not positive, or over 24h",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response start(@PathParam("name") String name, StartRequest request) {
        Duration duration = duration(request);
        MaintenanceWindow w;
        try {
            w = maintenance.start(name, duration, request.comment() == null ? "" : request.comment());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.status(Response.Status.CREATED)
                .entity(WindowView.of(w, maintenance.covered(w), maintenance.now()))
                .build();
    }

    @DELETE
    @Operation(summary = "End the origin's runtime maintenance window (204 also when none was open)")
    @APIResponse(responseCode = "204", description = "No runtime window open any more")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response end(@PathParam("name") String name) {
        maintenance.end(name);
        return Response.noContent().build();
    }

    private static Duration duration(StartRequest request) {
        if (request == null || request.duration() == null || request.duration().isBlank()) {
            throw new BadRequestException("duration is required, e.g. {\"duration\":\"30m\"}");
        }
        try {
            Duration d = DurationConverter.parseDuration(request.duration().strip());
            if (d != null) {
                return d;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw new BadRequestException(
                "duration: not a duration (e.g. 30s, 30m, 2h), got \"" + request.duration() + "\"");
    }
}
