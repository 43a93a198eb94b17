package io.originwatch.api;

import io.originwatch.config.ApiConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code originwatch.api.token} set, evidence downloads (HAR, support bundle) and every write
 * (any method but GET, HEAD and OPTIONS) under {@code /api} need {@code Authorization: Bearer <token>}.
 * Reads of results stay open, and so do {@code /q/metrics} and {@code /q/health} (not REST
 * resources, so this filter never sees them): Prometheus and Kubernetes probes need no secret.
 */
public class ApiTokenFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    /** The console's session cookie. */
    public static final String COOKIE = "originwatch_session";

    @Inject
    ApiConfig config;

    @ServerRequestFilter
    public Response check(ContainerRequestContext ctx) {
        String token = token(config);
        if (token == null || !protectedRequest(ctx.getMethod(), ctx.getUriInfo().getPath())) {
            return null;
        }
        if (hasSession(ctx, token)) {
            return null;
        }
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && sameSecret(header.substring(BEARER.length()).strip(), token)) {
            return null;
        }
        String detail = header == null
                ? "this endpoint needs Authorization: Bearer <originwatch.api.token>"
                : "the bearer token does not match originwatch.api.token";
        return Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"originwatch\"")
                .entity(new ErrorBody("unauthorized", detail))
                .build();
    }

    /** The configured token, or null when the API is open. */
    public static String token(ApiConfig config) {
        return config.token().map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** The request carries the console's session cookie for {@code token}. */
    public static boolean hasSession(ContainerRequestContext ctx, String token) {
        jakarta.ws.rs.core.Cookie c = ctx.getCookies().get(COOKIE);
        return c != null && sameSecret(c.getValue(), cookieValue(token));
    }

    /** The session cookie's value for {@code token}: a SHA-256 digest, hex. */
    public static String cookieValue(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of()
                    .formatHex(sha.digest(("originwatch-console-session:" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean protectedRequest(String method, String path) {
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!path.startsWith("/api/")) {
            return false;
        }
        return !READS.contains(method) || path.endsWith("/har") || path.endsWith("/support-bundle");
    }

    /** Constant time, whatever the lengths: digests of both are compared, never the strings. */
    public static boolean sameSecret(String given, String expected) {
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
