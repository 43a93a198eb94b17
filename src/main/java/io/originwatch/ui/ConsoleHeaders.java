package io.originwatch.ui;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The console's security headers and its cross-site write refusal.
 *
 * <ol>
 * <li>Every {@code /ui} response carries a strict Content-Security-Policy: scripts, styles and
 *     connections only from this origin, nothing inline (htmx is told not to add its indicator
 *     style, see the {@code htmx-config} meta tag), no framing. What an origin sends is escaped by
 *     the templates; the policy is the second wall if an escape were ever missed.</li>
 * <li>A write under {@code /ui} (any method but GET and HEAD) is refused with 403 when the browser
 *     says it comes from another site: {@code Sec-Fetch-Site} other than {@code same-origin} or
 *     {@code none}, or an {@code Origin} whose host and port differ from {@code Host}. A client
 *     that sends neither (curl) is not a browser carrying someone's cookie, and passes.</li>
 * <li>With {@code originwatch.api.token} set, a page or a write without the session cookie (or the
 *     bearer token) is sent to the login form (303), which comes back to the page afterwards: the
 *     pages show what {@code /api} shows only with the token.</li>
 * </ol>
 */
public class ConsoleHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (!console(request.getUriInfo().getPath())) {
            return;
        }
        response.getHeaders().putSingle("Content-Security-Policy", CSP);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    @Inject
    Session session;

    @ServerRequestFilter
    public Response refuseCrossSite(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!console(path)) {
            return null;
        }
        if (READS.contains(request.getMethod())) {
            if (path.equals("/") || path.equals("/ui/login") || path.equals("/ui/logout") || signedIn(request)) {
                return null;
            }
            // a page with a token configured and no session: log in, then come back to it
            return Response.seeOther(URI.create("/ui/login?next="
                            + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)))
                    .build();
        }
        String why = crossSite(
                request.getHeaderString("Sec-Fetch-Site"),
                request.getHeaderString("Origin"),
                request.getHeaderString(HttpHeaders.HOST));
        if (why == null) {
            if (path.equals("/ui/login") || path.equals("/ui/logout") || session.allowed(request)) {
                return null;
            }
            // a write with a token configured and no session: log in, then come back to the page
            String page = path.endsWith("/probe") ? path.substring(0, path.length() - "/probe".length()) : "/ui/edge";
            return Response.seeOther(URI.create("/ui/login?next="
                            + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8)))
                    .build();
        }
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("refused: " + why + "; console writes are accepted from the console's own pages only\n")
                .build();
    }

    /** No token configured, or the request carries the session cookie or the bearer token. */
    private boolean signedIn(ContainerRequestContext request) {
        if (session.allowed(request)) {
            return true;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null
                && header.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())
                && session.matches(header.substring("Bearer ".length()));
    }

    /** Why the request is cross-site, or null when it is not. */
    static String crossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "Sec-Fetch-Site is " + fetchSite;
        }
        if (origin != null) {
            String authority;
            try {
                authority = URI.create(origin).getRawAuthority();
            } catch (IllegalArgumentException e) {
                authority = null;
            }
            if (authority == null || !authority.equalsIgnoreCase(host)) {
                return "Origin " + origin + " is not this host (" + host + ")";
            }
        }
        return null;
    }

    static boolean console(String path) {
        return path.equals("/") || path.equals("/ui") || path.startsWith("/ui/");
    }
}
