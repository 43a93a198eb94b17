package io.originwatch.ui;

import io.originwatch.api.EdgeResource;
import java.util.List;

/**
 * What {@code /ui/edge} shows, from the API's edge views: the ranges in force (or why there are
 * none) and each allowlist's drift with the ready-to-paste fix in every format.
 *
 * @param ranges     the ranges in force, or null
 * @param noRanges   why there are none, or null
 * @param refreshAge how long ago the last refresh ended, or ""
 */
public record EdgePage(
        boolean enabled,
        String provider,
        EdgeResource.RangesView ranges,
        String noRanges,
        String fetchedAge,
        String refreshAge,
        List<Allowlist> allowlists) {

    /** One allowlist and its fixes. */
    public record Allowlist(EdgeResource.AllowlistView view, List<Fix> fixes) {}

    /** The suggested fix in one format; {@code id} names its element for the copy button. */
    public record Fix(String format, String id, String text) {}
}
