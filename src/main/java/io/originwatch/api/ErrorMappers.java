package io.originwatch.api;

import io.originwatch.origin.ProbeInFlightException;
import io.originwatch.origin.UnknownOriginException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every API error as {@code {"error": ..., "detail": ...}}. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response unknownOrigin(UnknownOriginException e) {
        return body(Response.Status.NOT_FOUND, "unknown_origin", e.getMessage());
    }

    @ServerExceptionMapper
    public Response probeInFlight(ProbeInFlightException e) {
        return body(Response.Status.CONFLICT, "probe_in_flight", e.getMessage());
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return body(Response.Status.BAD_REQUEST, "bad_parameter", e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().hasEntity()) {
            return e.getResponse(); // already the house body (e.g. 429 probe_cooldown with Retry-After)
        }
        Response.StatusType s = e.getResponse().getStatusInfo();
        String code = s.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        return body(s, code, e.getMessage());
    }

    /** Anything unexpected (e.g. a manual probe refused while shutting down) still answers JSON. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf(e, "API request failed");
        return body(Response.Status.INTERNAL_SERVER_ERROR, "internal_error", String.valueOf(e.getMessage()));
    }

    private static Response body(Response.StatusType status, String error, String detail) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error, detail))
                .build();
    }
}
