package io.originwatch.ui;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The overview's live rows as Server-Sent Events (see {@link LiveRows}). */
@Path("/ui/events")
public class LiveEvents {

    @Inject
    LiveRows live;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Web console: overview rows and counts as they change (text/event-stream of HTML fragments)")
    public void events(
            @Context SseEventSink sink,
            @Context Sse sse,
            @QueryParam("after") @DefaultValue("-1") long after,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        live.register(sink, sse, seen(after, lastEventId));
    }

    /**
     * What the browser has seen: the id of the last event it received when it reconnects, else the
     * sequence its page was rendered at; with neither (an old page), everything recorded is new to it.
     */
    static long seen(long after, String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                return Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                // not one of ours: fall back to the page's
            }
        }
        return after;
    }
}
