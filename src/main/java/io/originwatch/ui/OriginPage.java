package io.originwatch.ui;

import io.originwatch.api.EdgeResource;
import io.originwatch.api.OriginView;
import java.util.List;

/**
 * Everything {@code /ui/origins/{name}} shows, built by {@link OriginPageBuilder} from the API's
 * {@link OriginView} and the kept evidence. Each section of the page has an anchor (verdict, curl,
 * waterfall, response, request, tls, edge, history, allowlists, downloads, config).
 *
 * @param loginNeeded a token is configured and this browser has no session: downloads and Probe now
 *                    go through the login form first
 */
public record OriginPage(
        OriginView origin,
        String state,
        String verdict,
        String since,
        String runbookUrl,
        Waterfall waterfall,
        HeadRows.Head response,
        String body,
        boolean bodyTruncated,
        Meter meter,
        HeadRows.Head request,
        List<Episode> episodes,
        Strip strip,
        List<EdgeResource.AllowlistView> allowlists,
        List<Download> downloads,
        List<Setting> config,
        boolean loginNeeded) {

    /** A run of results with the same cause, newest first. */
    public record Episode(String cause, String edgeStatus, String from, String to, int results, boolean up) {}

    /** A download link, or why it is not there yet. */
    public record Download(String label, String href, boolean available, String why) {}

    /** One read-only configuration setting. */
    public record Setting(String key, String value) {}
}
