package io.originwatch.api;

import io.originwatch.app.EvidenceRecorder;
import io.originwatch.app.MaintenanceService;
import io.originwatch.cluster.ClusterMember;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    @Inject
    ForwardedProbes forwarded;

    @GET
    @Operation(
            summary = "Every configured origin with its latest result, sorted by name; filtered and paged on request",
            description = "Without limit: a JSON array of every origin that passes the filters (all of them when"
                    + " none is given), as always. With limit: a page, {\"origins\": [...], \"next\": cursor or null};"
                    + " pass next as cursor for the following page. Pages follow the name order and go on after the"
                    + " last name of the previous page. At most " + OriginQuery.MAX_LIMIT + " origins a page.")
    @APIResponse(
            responseCode = "200",
            description = "A JSON array of origins (no limit) or a page (limit given)",
            content = @Content(schema = @Schema(oneOf = {OriginView[].class, OriginPage.class})))
    @APIResponse(
            responseCode = "400",
            description = "A parameter the API cannot use: error bad_parameter, the detail names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response list(
            @Parameter(description = "A cause label (e.g. connection_refused, ok) or pending") @QueryParam("cause")
                    String cause,
            @Parameter(
                            description =
                                    "true: origins whose latest result is not ok (pending is not failing); false: the others")
                    @QueryParam("failing")
                    String failing,
            @Parameter(description = "key:value; repeat it and every one must match") @QueryParam("label")
                    List<String> labels,
            @Parameter(description = "Origins per page, 1 to " + OriginQuery.MAX_LIMIT + "; answers a page")
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The previous page's next (needs limit)") @QueryParam("cursor") String cursor) {
        OriginQuery q = OriginQuery.parse(cause, failing, labels, limit, cursor);
        if (!q.paged()) {
            List<OriginView> all = new ArrayList<>();
            for (OriginStateView s : registry.states()) {
                if (q.matches(s)) {
                    all.add(view(s));
                }
            }
            return Response.ok(all).build();
        }
        return Response.ok(page(q)).build();
    }

    /**
     * Walks the registry's name-ordered view from the cursor on and stops one match after the page
     * is full (that match only says a next page exists): the fleet is never copied.
     */
    private OriginPage page(OriginQuery q) {
        List<OriginView> page = new ArrayList<>(Math.min(q.limit(), 128));
        String last = null;
        boolean more = false;
        for (OriginStateView s : q.after() == null ? registry.states() : registry.statesAfter(q.after())) {
            if (!q.matches(s)) {
                continue;
            }
            if (page.size() == q.limit()) {
                more = true;
                break;
            }
            page.add(view(s));
            last = s.origin().name();
        }
        return new OriginPage(page, more ? OriginQuery.cursorAfter(last) : null);
    }

    private OriginView view(OriginStateView s) {
        return OriginView.of(s, evidence, maintenance, registry.ownership());
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
    @Operation(
            summary = "Probe a configured origin now and return its result",
            description = "In cluster mode the probe runs on the origin's owner (its cooldown, permits and deadline)"
                    + " and this member answers with the owner's answer.")
    @APIResponse(
            responseCode = "200",
            description = "The origin with the fresh result",
            content = @Content(schema = @Schema(implementation = OriginView.class)))
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
    @APIResponse(
            responseCode = "503",
            description = "Cluster mode: the origin's owner left or failed before answering (owner_unavailable)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(
            responseCode = "504",
            description = "Cluster mode: the origin's owner did not answer within the probe's deadline (owner_timeout)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<Response> probe(@PathParam("name") String name) {
        OriginStateView s = state(name);
        Optional<ClusterMember> owner = forwarded.forwardFor(name);
        if (owner.isPresent()) {
            return forwarded.forward(owner.get(), s);
        }
        cooldown.acquire(name).ifPresent(wait -> {
            long seconds = ProbeCooldown.retryAfterSeconds(wait);
            throw new WebApplicationException(Response.status(429)
                    .header("Retry-After", seconds)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody("probe_cooldown", ProbeCooldown.detail(name, seconds)))
                    .build());
        });
        return runner.probeNow(name)
                .thenApply(r -> Response.ok(OriginView.of(state(name), evidence, maintenance, registry.ownership()))
                        .build());
    }

    private OriginStateView state(String name) {
        return registry.state(name).orElseThrow(() -> new UnknownOriginException(name));
    }
}
