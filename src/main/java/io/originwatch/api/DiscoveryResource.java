package io.originwatch.api;

import io.originwatch.app.DiscoveryRunner;
import io.originwatch.discovery.SourceStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The discovery sources: what each last run found, skipped, added and removed, or why it failed. */
@Path("/api/discovery")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    /** One skipped record and why. */
    public record SkippedView(String item, String reason) {}

    /**
     * One source. lastRun ISO-8601 (UTC), null before the first run ends; outcome success or
     * failure (null before the first run); found = origins in force from the source.
     */
    public record SourceView(
            String source,
            String lastRun,
            String outcome,
            int found,
            List<SkippedView> skipped,
            int added,
            int removed,
            String error) {

        static SourceView of(SourceStatus s) {
            return new SourceView(
                    s.source(),
                    s.lastRun() == null ? null : s.lastRun().toString(),
                    s.outcome(),
                    s.found(),
                    s.skipped().stream()
                            .map(k -> new SkippedView(k.item(), k.reason()))
                            .toList(),
                    s.added(),
                    s.removed(),
                    s.error());
        }
    }

    @Inject
    DiscoveryRunner runner;

    @GET
    @Operation(summary = "Each enabled discovery source with its last run")
    public List<SourceView> list() {
        return runner.status().stream().map(SourceView::of).toList();
    }
}
