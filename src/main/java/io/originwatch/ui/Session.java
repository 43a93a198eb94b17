package io.originwatch.ui;

import io.originwatch.api.ApiAccess;
import io.originwatch.api.ApiTokenFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.Map;

/**
 * The console's login, when {@code originwatch.api.token} is set: the login form checks the token
 * and sets the API filter's session cookie (HttpOnly, SameSite=Strict, Secure over https), so
 * evidence downloads and writes work from the pages. Without a token everything is open, as the API is.
 */
@ApplicationScoped
public class Session {

    @Inject
    ApiAccess access;

    public boolean tokenRequired() {
        return access.token().isPresent();
    }

    /** True when no token is configured, or the request carries a valid session. */
    public boolean allowed(ContainerRequestContext request) {
        return allowed(request.getCookies());
    }

    /** The same, from the request's cookies. */
    public boolean allowed(Map<String, Cookie> cookies) {
        String token = access.token().orElse(null);
        if (token == null) {
            return true;
        }
        Cookie c = cookies.get(ApiTokenFilter.COOKIE);
        return c != null && ApiTokenFilter.sameSecret(c.getValue(), ApiTokenFilter.cookieValue(token));
    }

    /** Whether {@code given} is the token. */
    public boolean matches(String given) {
        String token = access.token().orElse(null);
        return token != null && given != null && ApiTokenFilter.sameSecret(given.strip(), token);
    }

    NewCookie login(boolean secure) {
        return cookie(ApiTokenFilter.cookieValue(access.token().orElseThrow()), -1, secure);
    }

    NewCookie logout(boolean secure) {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(ApiTokenFilter.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    /** Where to go after login: a path on this site only (never {@code //host} or a full URL). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/ui";
        }
        return next;
    }
}
