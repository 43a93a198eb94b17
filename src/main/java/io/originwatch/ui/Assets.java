package io.originwatch.ui;

import io.quarkus.qute.TemplateGlobal;

/**
 * Where the pages load their scripts and style from. htmx and its SSE extension come from their
 * webjars, which Quarkus serves from the jars' {@code META-INF/resources} under their versioned
 * path; the versions here must match the pom's ({@code ConsolePagesTest} fetches each one).
 */
@TemplateGlobal
public final class Assets {

    public static final String HTMX = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";
    public static final String HTMX_SSE = "/webjars/htmx-ext-sse/2.2.2/sse.js";
    public static final String CSS = "/console/console.css";
    public static final String JS = "/console/console.js";

    private Assets() {}
}
