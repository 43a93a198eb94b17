package io.originwatch.api;

import io.originwatch.app.AlertingService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Alerts firing now under direct dispatch's thresholds (whether or not any sink is configured). */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertingService alerting;

    @GET
    @Operation(summary = "Active alerts, oldest first: one per failing origin past its failure threshold")
    public List<AlertView> list() {
        return alerting.active().stream()
                .map(a -> AlertView.of(a, alerting.settings().texts()))
                .toList();
    }
}
