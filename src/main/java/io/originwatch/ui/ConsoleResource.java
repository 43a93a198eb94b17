package io.originwatch.ui;

import io.originwatch.origin.ProbeInFlightException;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.OriginState;
import io.originwatch.schedule.ProbeRunner;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The web console's origin pages: server-rendered HTML, readable without JavaScript; htmx only adds
 * live rows and in-place actions. The pages read the API's views (see {@link OverviewBuilder}).
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    /** A manual probe is bounded by its own timeouts; this only keeps a stuck one from holding the request. */
    static final long PROBE_WAIT_SECONDS = 60;

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeRunner runner;

    @Inject
    OverviewBuilder overview;

    @Inject
    OriginPageBuilder originPage;

    @GET
    @Operation(summary = "Web console: what is broken now (HTML)")
    public TemplateInstance overview(
            @QueryParam("cause") @DefaultValue("") String cause,
            @QueryParam("edge") @DefaultValue("") String edge,
            @QueryParam("label") @DefaultValue("") String label,
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("fpage") @DefaultValue("1") int failingPage,
            @QueryParam("page") @DefaultValue("1") int page) {
        Overview.Filters f = new Overview.Filters(cause.strip(), edge.strip(), label.strip(), q.strip());
        return Templates.overview(overview.build(f, failingPage, page));
    }

    @GET
    @Path("/origins/{name}")
    @Operation(summary = "Web console: one origin's troubleshooting page (HTML)")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response origin(@PathParam("name") String name) {
        Optional<OriginState> state = registry.state(name);
        if (state.isEmpty()) {
            return notFound("no origin named \"" + name + "\" is configured");
        }
        return Response.ok(Templates.origin(originPage.build(state.get()))).build();
    }

    /**
     * Probe now: without JavaScript a form post that comes back to the page (303) once the probe
     * ended; a probe already in flight is not an error here, the page shows its result when it ends.
     */
    @POST
    @Path("/origins/{name}/probe")
    @Operation(summary = "Web console: probe an origin now, then show its page")
    public CompletionStage<Response> probe(@PathParam("name") String name) {
        if (registry.state(name).isEmpty()) {
            return CompletableFuture.completedFuture(notFound("no origin named \"" + name + "\" is configured"));
        }
        URI page = URI.create("/ui/origins/" + name + "#verdict");
        CompletableFuture<?> probe;
        try {
            probe = runner.probeNow(name);
        } catch (ProbeInFlightException e) {
            return CompletableFuture.completedFuture(Response.seeOther(page).build());
        }
        return probe.orTimeout(PROBE_WAIT_SECONDS, TimeUnit.SECONDS)
                .handle((r, e) -> Response.seeOther(page).build());
    }

    static Response notFound(String what) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notFound(what))
                .build();
    }
}
