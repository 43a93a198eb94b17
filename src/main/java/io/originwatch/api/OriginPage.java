package io.originwatch.api;

import java.util.List;

/**
 * One page of {@code GET /api/origins?limit=N}: up to N origins in name order, and {@code next}, the
 * opaque cursor to pass as {@code ?cursor=} for the following page, or null on the last page.
 */
public record OriginPage(List<OriginView> origins, String next) {}
