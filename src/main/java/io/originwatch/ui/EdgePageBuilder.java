package io.originwatch.ui;

import io.originwatch.api.EdgeResource;
import io.originwatch.app.EdgeRuntime;
import io.originwatch.edge.allowlist.FileAllowlistSource;
import io.originwatch.edge.allowlist.FixFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** Builds the edge page by asking the API's own edge resource, so the page and the API agree. */
@ApplicationScoped
public class EdgePageBuilder {

    @Inject
    EdgeResource api;

    @Inject
    EdgeRuntime runtime;

    public EdgePage build() {
        Response r = api.ranges();
        EdgeResource.RangesView ranges = r.getStatus() == 200 ? (EdgeResource.RangesView) r.getEntity() : null;
        String noRanges = ranges == null ? ((io.originwatch.api.ErrorBody) r.getEntity()).detail() : null;
        List<EdgePage.Allowlist> lists = new ArrayList<>();
        for (EdgeResource.AllowlistView a : api.allowlists()) {
            List<EdgePage.Fix> fixes = new ArrayList<>();
            if (ranges != null) {
                for (FixFormat f : FixFormat.values()) {
                    Response fix = api.suggested(a.name(), f.label(), FileAllowlistSource.DEFAULT_CHAIN);
                    if (fix.getStatus() == 200) {
                        fixes.add(new EdgePage.Fix(
                                f.label(), "fix-" + a.name() + "-" + f.label(), (String) fix.getEntity()));
                    }
                }
            }
            lists.add(new EdgePage.Allowlist(a, fixes));
        }
        return new EdgePage(
                runtime.enabled(),
                runtime.ranges().provider(),
                ranges,
                noRanges,
                ranges == null || ranges.fetchedAt() == null
                        ? ""
                        : OverviewBuilder.since(ranges.fetchedAt().toString()),
                ranges == null || ranges.lastRefreshAt() == null
                        ? ""
                        : OverviewBuilder.since(ranges.lastRefreshAt().toString()),
                lists);
    }
}
