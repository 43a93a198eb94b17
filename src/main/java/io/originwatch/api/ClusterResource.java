package io.originwatch.api;

import io.originwatch.app.ClusterRuntime;
import io.originwatch.schedule.OriginRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The cluster's members and who owns how many origins (cluster mode, issue 14). */
@Path("/api/cluster")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    ClusterRuntime cluster;

    @Inject
    OriginRegistry registry;

    @GET
    @Operation(summary = "Cluster members as this member sees them, the origins each owns, and quorum")
    public ClusterView get() {
        return cluster.member().map(m -> ClusterView.of(m, registry)).orElse(ClusterView.STANDALONE);
    }
}
