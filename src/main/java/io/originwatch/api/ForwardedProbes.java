package io.originwatch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.app.ClusterRuntime;
import io.originwatch.app.EvidenceRecorder;
import io.originwatch.app.MaintenanceService;
import io.originwatch.cluster.ClusterMember;
import io.originwatch.cluster.ClusterTasks;
import io.originwatch.cluster.OwnerUnavailableException;
import io.originwatch.origin.Origin;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.ProbeInFlightException;
import io.originwatch.origin.UnknownOriginException;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.ProbeRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Manual probes in cluster mode. A probe asked of a member that does not own the origin is sent to
 * the owner ({@link ClusterTasks}); there {@link #probeHere} runs it as {@code POST
 * /api/origins/{name}/probe} would (the owner's cooldown, probe permits and deadline) and renders
 * the owner's answer, which the asking member returns as it is.
 */
@ApplicationScoped
public class ForwardedProbes implements ClusterTasks.ProbeHandler {

    /** Beyond the permit wait and the run: the task's trip and the owner's rendering. */
    static final Duration OWNER_SLACK = Duration.ofSeconds(2);

    /** The asking member waits this much longer than the owner, so the owner's own answer wins. */
    static final Duration ASKER_SLACK = Duration.ofSeconds(1);

    @Inject
    OriginRegistry registry;

    @Inject
    ProbeRunner runner;

    @Inject
    ProbeCooldown cooldown;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    MaintenanceService maintenance;

    @Inject
    ClusterRuntime cluster;

    @Inject
    ObjectMapper json;

    /** The member, when the origin's owner is another member: the probe goes there. */
    Optional<ClusterMember> forwardFor(String origin) {
        return cluster.member().filter(m -> ClusterTasks.ownedElsewhere(m, origin));
    }

    /** Sends the probe to the owner; answers with the owner's status and body, or 503/504 naming it. */
    CompletionStage<Response> forward(ClusterMember member, OriginStateView state) {
        Duration deadline = ownerDeadline(state.origin()).plus(ASKER_SLACK);
        return ClusterTasks.probeOnOwner(member, state.origin().name(), deadline)
                .handle((answer, failure) -> failure == null ? response(answer) : unavailable(failure));
    }

    private static Response response(ClusterTasks.Answer a) {
        Response.ResponseBuilder b =
                Response.status(a.status()).type(MediaType.APPLICATION_JSON).entity(a.json());
        if (a.retryAfterSeconds() > 0) {
            b.header("Retry-After", a.retryAfterSeconds());
        }
        return b.build();
    }

    private static Response unavailable(Throwable failure) {
        Throwable t = failure instanceof CompletionException ? failure.getCause() : failure;
        if (t instanceof OwnerUnavailableException e) {
            return Response.status(e.timedOut() ? 504 : 503)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(e.timedOut() ? "owner_timeout" : "owner_unavailable", e.getMessage()))
                    .build();
        }
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("owner_unavailable", String.valueOf(t)))
                .build();
    }

    /**
     * The longest the owner waits for its probe: a permit wait (a suspect origin's manual probe can
     * queue up to one run deadline, as a local one does), the run itself, plus {@link #OWNER_SLACK}.
     */
    static Duration ownerDeadline(Origin origin) {
        return origin.runDeadline().multipliedBy(2).plus(OWNER_SLACK);
    }

    @Override
    public ClusterTasks.Answer probeHere(String origin) {
        String self = cluster.member().map(ClusterMember::self).orElse(null);
        Optional<? extends OriginStateView> state = registry.state(origin);
        if (state.isEmpty()) {
            return error(404, "unknown_origin", new UnknownOriginException(origin).getMessage(), 0, self);
        }
        Optional<Duration> wait = cooldown.acquire(origin);
        if (wait.isPresent()) {
            long seconds = ProbeCooldown.retryAfterSeconds(wait.get());
            return error(429, "probe_cooldown", ProbeCooldown.detail(origin, seconds), seconds, self);
        }
        CompletableFuture<?> probe;
        try {
            probe = runner.probeNow(origin);
        } catch (ProbeInFlightException e) {
            return error(409, "probe_in_flight", e.getMessage(), 0, self);
        } catch (IllegalStateException e) {
            return error(503, "owner_unavailable", self + ": " + e.getMessage(), 0, self);
        }
        Duration deadline = ownerDeadline(state.get().origin());
        try {
            probe.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return error(
                    504,
                    "owner_timeout",
                    "the probe of origin " + origin + " on its owner " + self + " did not end within "
                            + deadline.toMillis() + " ms",
                    0,
                    self);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "owner_unavailable", self + " is shutting down", 0, self);
        } catch (ExecutionException e) {
            return error(500, "internal_error", String.valueOf(e.getCause().getMessage()), 0, self);
        }
        OriginStateView now = registry.state(origin).orElse(null);
        if (now == null) {
            return error(404, "unknown_origin", new UnknownOriginException(origin).getMessage(), 0, self);
        }
        return new ClusterTasks.Answer(
                200, write(OriginView.of(now, evidence, maintenance, registry.ownership())), 0, self);
    }

    private ClusterTasks.Answer error(int status, String error, String detail, long retryAfter, String self) {
        return new ClusterTasks.Answer(status, write(new ErrorBody(error, detail)), retryAfter, self);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the answer: " + e.getOriginalMessage(), e);
        }
    }
}
