package io.originwatch.ui;

import io.originwatch.alert.LastDeliveries;
import io.originwatch.api.AlertView;
import io.originwatch.api.MaintenanceListResource;
import io.originwatch.api.ProbeCooldown;
import io.originwatch.api.Sensitive;
import io.originwatch.app.AlertingService;
import io.originwatch.app.EdgeRuntime;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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
    MaintenanceListResource maintenanceList;

    @Inject
    ProbeCooldown cooldown;

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeRunner runner;

    @Inject
    OverviewBuilder overview;

    @Inject
    OriginPageBuilder originPage;

    @Inject
    EdgePageBuilder edgePage;

    @Inject
    EdgeRuntime edge;

    @Inject
    AlertingService alerting;

    @Inject
    Session session;

    @Inject
    LiveRows live;

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
        long liveAfter = live.sequence(); // before the rows are read: a later change reaches the page's stream
        return Templates.overview(overview.build(f, failingPage, page), liveAfter);
    }

    @GET
    @Path("/origins/{name}")
    @Operation(summary = "Web console: one origin's troubleshooting page (HTML)")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response origin(@PathParam("name") String name, @Context HttpHeaders headers) {
        Optional<OriginState> state = registry.state(name);
        if (state.isEmpty()) {
            return notFound("no origin named \"" + name + "\" is configured");
        }
        return Response.ok(Templates.origin(originPage.build(state.get(), !session.allowed(headers.getCookies()))))
                .build();
    }

    /**
     * Probe now: without JavaScript a form post that comes back to the page (303) once the probe
     * ended; a probe already in flight is not an error here, the page shows its result when it ends.
     */
    @POST
    @Sensitive
    @Path("/origins/{name}/probe")
    @Operation(summary = "Web console: probe an origin now, then show its page")
    public CompletionStage<Response> probe(@PathParam("name") String name) {
        if (registry.state(name).isEmpty()) {
            return CompletableFuture.completedFuture(notFound("no origin named \"" + name + "\" is configured"));
        }
        // built here, on the request's thread: seeOther resolves the path against the current
        // request, which is gone by the time the probe's future completes
        Response back = Response.seeOther(URI.create("/ui/origins/" + name + "#verdict"))
                .build();
        if (cooldown.acquire(name).isPresent()) {
            // the API answers 429; a page just comes back and shows the probe that ran moments ago
            return CompletableFuture.completedFuture(back);
        }
        CompletableFuture<?> probe;
        try {
            probe = runner.probeNow(name);
        } catch (ProbeInFlightException e) {
            return CompletableFuture.completedFuture(back);
        }
        return probe.orTimeout(PROBE_WAIT_SECONDS, TimeUnit.SECONDS).handle((r, e) -> back);
    }

    @GET
    @Path("/edge")
    @Operation(summary = "Web console: edge ranges in force and allowlist drift with the fixes (HTML)")
    public TemplateInstance edge() {
        return Templates.edge(edgePage.build());
    }

    /** Refresh now: the outcome shows on the edge page as the last refresh. */
    @POST
    @Sensitive
    @Path("/edge/refresh")
    @Operation(summary = "Web console: refresh the edge ranges now, then show the edge page")
    public Response refresh() {
        if (!edge.enabled()) {
            return Response.status(Response.Status.CONFLICT)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("originwatch.edge.enabled=false: edge ranges are not fetched; set it to true to refresh\n")
                    .build();
        }
        edge.refresh(false);
        return Response.seeOther(URI.create("/ui/edge#ranges")).build();
    }

    @GET
    @Path("/maintenance")
    @Operation(summary = "Web console: maintenance windows open now and upcoming (HTML)")
    public TemplateInstance maintenance() {
        return Templates.maintenance(MaintenancePage.of(maintenanceList.list()));
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Web console: active alerts and each sink's last delivery (HTML)")
    public TemplateInstance alerts() {
        List<AlertsPage.Alert> alerts = alerting.active().stream()
                .map(a -> AlertView.of(a, alerting.settings().texts()))
                .map(v -> new AlertsPage.Alert(v, "/ui/origins/" + v.origin(), OverviewBuilder.since(v.startsAt())))
                .toList();
        List<AlertsPage.Sink> sinks = alerting.sinks().stream()
                .map(w -> {
                    LastDeliveries.Delivery d =
                            alerting.deliveries().last(w.name()).orElse(null);
                    String last = d == null
                            ? "none yet"
                            : d.result() + " (" + d.state() + " " + d.origin() + ") at " + d.at()
                                    + (d.error() == null ? "" : ": " + d.error());
                    return new AlertsPage.Sink(
                            w.name(),
                            w.queueDepth(),
                            last,
                            d == null || d.result().equals("sent"));
                })
                .toList();
        return Templates.alerts(new AlertsPage(alerts, sinks));
    }

    static Response notFound(String what) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notFound(what))
                .build();
    }
}
