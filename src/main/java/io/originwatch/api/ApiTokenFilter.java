package io.originwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Access to {@code /api}, decided after the request matched a resource method (so the decision is
 * about the method, never about how its path was spelled: {@code har/}, {@code har;a=b},
 * {@code %68ar}, {@code HEAD} and doubled slashes all reach the same method, or none). The rules, in
 * order:
 * <ol>
 * <li>A write (any method but GET, HEAD, OPTIONS) whose {@code Origin} header names another site
 *     than the one addressed is refused: 403 {@code cross_site_request}. Browsers send Origin on
 *     cross-site POSTs, curl and Prometheus do not, so this only stops a page in a browser that can
 *     reach the API (a {@code kubectl port-forward} on the operator's laptop).</li>
 * <li>{@code originwatch.api.auth=none}: everything else is open, except {@code force=true} on an
 *     edge refresh, which needs a token that cannot exist in that mode.</li>
 * <li>A token configured: every request needs {@code Authorization: Bearer <token>}, else 401
 *     {@code unauthorized} with {@code WWW-Authenticate: Bearer}; compared in constant time.</li>
 * <li>No token configured: reads are open (secrets are masked in every view); a method marked
 *     {@link Sensitive} answers 403 {@code api_token_required} naming the keys that turn it on.</li>
 * </ol>
 * {@code /q/metrics}, {@code /q/health/*} and {@code /q/openapi} are not REST resources, so this
 * filter never sees them: Prometheus and Kubernetes probes need no secret.
 */
public class ApiTokenFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    @Inject
    ApiAccess access;

    @ServerRequestFilter
    public Response check(ContainerRequestContext ctx, ResourceInfo resource) {
        if (!SAFE_METHODS.contains(ctx.getMethod()) && crossSite(ctx)) {
            return error(
                    Response.Status.FORBIDDEN,
                    "cross_site_request",
                    "the Origin header names another site than this API; writes are accepted from this"
                            + " site or from clients that send no Origin (curl, scripts)");
        }
        boolean sensitive = sensitive(resource);
        boolean force =
                "true".equalsIgnoreCase(ctx.getUriInfo().getQueryParameters().getFirst("force"));
        if (access.open()) {
            return sensitive && force
                    ? error(
                            Response.Status.FORBIDDEN,
                            "api_token_required",
                            "force=true overrides the range guards and needs " + ApiAccess.KEYS
                                    + "; originwatch.api.auth=none allows refreshes without force only")
                    : null;
        }
        Optional<String> token = access.token();
        if (token.isEmpty()) {
            return sensitive
                    ? error(
                            Response.Status.FORBIDDEN,
                            "api_token_required",
                            "this endpoint causes outbound traffic or hands out evidence, so it needs an API"
                                    + " token: set " + ApiAccess.KEYS
                                    + " and send Authorization: Bearer <token> (originwatch.api.auth=none"
                                    + " opens it to anyone)")
                    : null;
        }
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && sameSecret(header.substring(BEARER.length()).strip(), token.get())) {
            return null;
        }
        String detail = header == null
                ? "the API needs Authorization: Bearer <originwatch.api.token>"
                : "the bearer token does not match originwatch.api.token";
        return Response.fromResponse(error(Response.Status.UNAUTHORIZED, "unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"originwatch\"")
                .build();
    }

    static boolean sensitive(ResourceInfo resource) {
        Method m = resource == null ? null : resource.getResourceMethod();
        return m != null && m.isAnnotationPresent(Sensitive.class);
    }

    /**
     * Whether the request's Origin names another host and port than its Host header. {@code Origin:
     * null} (sandboxed frames, some redirects) counts as another site.
     */
    static boolean crossSite(ContainerRequestContext ctx) {
        String origin = ctx.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        String host = ctx.getHeaderString(HttpHeaders.HOST);
        return !sameSite(origin, host);
    }

    static boolean sameSite(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null) {
                return false;
            }
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String h = host.strip().toLowerCase(Locale.ROOT);
            String expected = o.getHost().toLowerCase(Locale.ROOT);
            boolean defaultPort = port == ("https".equalsIgnoreCase(o.getScheme()) ? 443 : 80);
            return h.equals(expected + ":" + port) || (defaultPort && h.equals(expected));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response error(Response.Status status, String error, String detail) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error, detail))
                .build();
    }

    /** Constant time, whatever the lengths: digests of both are compared, never the strings. */
    static boolean sameSecret(String given, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
