package io.originwatch.ui;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        live.register(sink, sse);
    }
}
