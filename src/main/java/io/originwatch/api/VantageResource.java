package io.originwatch.api;

import io.originwatch.app.Vantages;
import io.originwatch.origin.UnknownOriginException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Multi-vantage quorum for one origin (issue 14). The peers are asked concurrently, each for at most
 * {@code originwatch.peer-timeout}, so the answer comes within that bound however many peers hang.
 */
@Path("/api/origins/{name}/vantages")
@Produces(MediaType.APPLICATION_JSON)
public class VantageResource {

    @Inject
    Vantages vantages;

    @GET
    @Operation(summary = "Every vantage's latest verdict for the origin, and the quorum's outcome")
    @APIResponse(
            responseCode = "404",
            description = "No origin of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<VantagesView> get(@PathParam("name") String name) {
        return vantages.report(name)
                .orElseThrow(() -> new UnknownOriginException(name))
                .thenApply(r -> VantagesView.of(r, vantages.vantage()));
    }
}
