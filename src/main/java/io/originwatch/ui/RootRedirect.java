package io.originwatch.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /} is the console. */
@Path("/")
public class RootRedirect {

    @GET
    @Operation(summary = "Redirects to the web console (/ui)")
    public Response root() {
        return Response.seeOther(URI.create("/ui")).build();
    }
}
