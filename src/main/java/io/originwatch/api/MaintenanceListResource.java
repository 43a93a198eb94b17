package io.originwatch.api;

import io.originwatch.app.MaintenanceService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every maintenance window: configured ones in configuration order, then the runtime ones. */
@Path("/api/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceListResource {

    /** The windows at {@code now}. */
    public record MaintenanceList(String now, List<WindowView> windows) {}

    @Inject
    MaintenanceService maintenance;

    @GET
    @Operation(summary = "Maintenance windows: whether each is open now, until when, whom it covers, next openings")
    public MaintenanceList list() {
        Instant now = maintenance.now();
        return new MaintenanceList(
                now.toString(),
                maintenance.windows().stream()
                        .map(w -> WindowView.of(w, maintenance.covered(w), now))
                        .toList());
    }
}
