package io.originwatch.api;

import inet.ipaddr.IPAddress;
import io.originwatch.app.EdgeRuntime;
import io.originwatch.edge.allowlist.AllowlistDefinition;
import io.originwatch.edge.allowlist.AllowlistStatus;
import io.originwatch.edge.allowlist.FileAllowlistSource;
import io.originwatch.edge.allowlist.FixFormat;
import io.originwatch.edge.ranges.EdgeRanges;
import io.originwatch.edge.ranges.RefreshOutcome;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The edge ranges in force, on-demand refresh, allowlist drift and the suggested fix. Errors answer
 * {@link ErrorBody}, returned as Response objects because they are outcomes of the edge code, not
 * exceptions.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class EdgeResource {

    public record RangesView(
            String provider,
            String source,
            Instant fetchedAt,
            String etag,
            boolean stale,
            List<String> ipv4,
            List<String> ipv6) {}

    public record RefreshView(String result, String detail, List<String> added, List<String> removed) {}

    public record AllowlistView(
            String name,
            String source,
            Instant checkedAt,
            String state,
            List<String> missing,
            List<String> extra,
            BigInteger missingIpv4Addresses,
            String error) {}

    private final EdgeRuntime runtime;

    public EdgeResource(EdgeRuntime runtime) {
        this.runtime = runtime;
    }

    @GET
    @Path("/edge/ranges")
    public Response ranges() {
        EdgeRanges r = runtime.ranges().current();
        if (r == null) {
            return error(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "no_ranges",
                    "no edge range list yet: no successful fetch, no cache and no built-in snapshot for provider "
                            + runtime.ranges().provider());
        }
        return Response.ok(new RangesView(
                        r.provider(),
                        r.source(),
                        r.fetchedAt(),
                        r.etag(),
                        runtime.ranges().stale(),
                        strings(r.ipv4()),
                        strings(r.ipv6())))
                .build();
    }

    @POST
    @Sensitive
    @Path("/edge/ranges/refresh")
    public Response refresh(@QueryParam("force") @DefaultValue("false") boolean force) {
        if (!runtime.enabled()) {
            return error(
                    Response.Status.CONFLICT,
                    "edge_disabled",
                    "originwatch.edge.enabled=false: edge ranges are not fetched; set it to true to refresh");
        }
        RefreshOutcome o = runtime.refresh(force);
        return switch (o) {
            case RefreshOutcome.Updated u ->
                Response.ok(new RefreshView(
                                o.result(),
                                null,
                                strings(u.diff().added()),
                                strings(u.diff().removed())))
                        .build();
            case RefreshOutcome.Unchanged u ->
                Response.ok(new RefreshView(o.result(), null, List.of(), List.of()))
                        .build();
            case RefreshOutcome.Rejected r -> error(Response.Status.BAD_GATEWAY, "ranges_rejected", r.reason());
            case RefreshOutcome.Failed f -> error(Response.Status.BAD_GATEWAY, "refresh_failed", f.reason());
        };
    }

    @GET
    @Path("/allowlists")
    public List<AllowlistView> allowlists() {
        List<AllowlistStatus> statuses = runtime.monitor().statuses();
        if (statuses.size() < runtime.monitor().definitions().size()) {
            statuses = runtime.checkAllowlists();
        }
        return statuses.stream().map(EdgeResource::view).toList();
    }

    @GET
    @Path("/allowlists/{name}/suggested")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response suggested(
            @PathParam("name") String name,
            @QueryParam("format") @DefaultValue("nginx") String format,
            @QueryParam("chain") @DefaultValue(FileAllowlistSource.DEFAULT_CHAIN) String chain) {
        Optional<AllowlistDefinition> def = runtime.monitor().definition(name);
        if (def.isEmpty()) {
            return error(Response.Status.NOT_FOUND, "unknown_allowlist", "no allowlist named '" + name + "'");
        }
        FixFormat f;
        try {
            f = FixFormat.fromLabel(format);
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, "bad_format", "format: " + e.getMessage());
        }
        EdgeRanges r = runtime.ranges().current();
        if (r == null) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "no_ranges", "no edge range list yet");
        }
        if (!chain.matches("[A-Za-z0-9_-]{1,29}")) {
            return error(
                    Response.Status.BAD_REQUEST,
                    "bad_chain",
                    "chain: letters, digits, '_' and '-' only, was '" + chain + "'");
        }
        String text = f.render(name, r, FixFormat.suggestion(r, def.get()), chain);
        return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    private static AllowlistView view(AllowlistStatus s) {
        return new AllowlistView(
                s.name(),
                s.source(),
                s.checkedAt(),
                s.state().label(),
                strings(s.missing()),
                strings(s.extra()),
                s.missingIpv4Addresses(),
                s.error());
    }

    private static List<String> strings(List<IPAddress> blocks) {
        return blocks.stream().map(IPAddress::toString).toList();
    }

    private static Response error(Response.Status status, String error, String detail) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, detail))
                .build();
    }
}
