package io.originwatch.ui;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The console's login form (see {@link Session}); only meaningful with {@code originwatch.api.token} set. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @Inject
    Session session;

    @GET
    @Path("/login")
    @Operation(summary = "Web console: the login form (HTML)")
    public TemplateInstance form(@QueryParam("next") @DefaultValue("/ui") String next) {
        return Templates.login(new LoginPage(session.tokenRequired(), Session.safeNext(next), null));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Web console: log in with the API token; sets the session cookie")
    public Response login(@FormParam("token") String token, @FormParam("next") String next, @Context UriInfo uri) {
        String target = Session.safeNext(next);
        if (!session.matches(token)) {
            String why = session.tokenRequired()
                    ? "That is not the token (originwatch.api.token)."
                    : "No token is configured: nothing needs a login.";
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.login(new LoginPage(session.tokenRequired(), target, why)))
                    .build();
        }
        return Response.seeOther(URI.create(target))
                .cookie(session.login(secure(uri)))
                .build();
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Web console: log out (clears the session cookie)")
    public Response logout(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/ui"))
                .cookie(session.logout(secure(uri)))
                .build();
    }

    private static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }

    /** What the login page shows. */
    public record LoginPage(boolean tokenRequired, String next, String error) {}
}
