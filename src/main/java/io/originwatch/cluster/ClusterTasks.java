package io.originwatch.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.MemberLeftException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Manual probes asked of a member that does not own the origin run on the owner.
 * <ol>
 * <li>The asking member sends a {@link ProbeTask} carrying only the origin's name to the owner of
 * the name's partition ({@code IExecutorService.submitToKeyOwner}, the same rule as ownership).</li>
 * <li>On the owner the task finds its daemon's {@link ProbeHandler} in the member's user context
 * ({@link #handlerEntry}, put there before the member joined) and runs it: the owner's cooldown,
 * probe permits and deadline, as for a probe asked of it directly.</li>
 * <li>The owner answers with the HTTP status and JSON body it would have given (its rendered origin
 * view, or its error), and the asking member answers with that.</li>
 * <li>No answer within the deadline, a member that left, or a failure: {@link OwnerUnavailableException}
 * naming the owner.</li>
 * </ol>
 */
public final class ClusterTasks {

    /** User-context key of this member's {@link ProbeHandler}. */
    static final String PROBE_HANDLER = "originwatch.probe-handler";

    /** Named executor for forwarded probes (each waits for its probe to end). */
    static final String EXECUTOR = "originwatch-probe";

    private ClusterTasks() {}

    /**
     * What the owner answered: its HTTP status, its JSON body, {@code Retry-After} seconds (0: none)
     * and its own address.
     */
    public record Answer(int status, String json, long retryAfterSeconds, String owner) implements Serializable {}

    /**
     * Runs a manual probe of {@code origin} on this member, as the API does for a local one, and
     * renders the answer; waits for the probe (the task runs on one of Hazelcast's executor threads).
     */
    @FunctionalInterface
    public interface ProbeHandler {
        Answer probeHere(String origin);
    }

    /** The user-context entry that lets other members run probes here. */
    public static Map.Entry<String, Object> handlerEntry(ProbeHandler handler) {
        return Map.entry(PROBE_HANDLER, handler);
    }

    /** True when the origin's partition owner is another live member: a manual probe goes there. */
    public static boolean ownedElsewhere(ClusterMember member, String origin) {
        return member.ownerOf(origin).filter(o -> !o.equals(member.self())).isPresent();
    }

    /** No partition migration running: every partition's owner is settled (for tests and checks). */
    public static boolean settled(ClusterMember member) {
        return member.hazelcast().getPartitionService().isClusterSafe();
    }

    /**
     * Asks the owner of {@code origin} to probe it; completes with the owner's answer, or
     * exceptionally with {@link OwnerUnavailableException} when no answer comes within
     * {@code deadline}, the owner left, or the task failed there.
     */
    public static CompletionStage<Answer> probeOnOwner(ClusterMember member, String origin, Duration deadline) {
        String owner = member.ownerOf(origin).orElse("(no owner)");
        Future<Answer> f =
                member.hazelcast().getExecutorService(EXECUTOR).submitToKeyOwner(new ProbeTask(origin), origin);
        CompletableFuture<Answer> answer = f instanceof CompletableFuture<Answer> cf
                ? cf
                : CompletableFuture.supplyAsync(() -> {
                    try {
                        return f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    } catch (ExecutionException e) {
                        throw new CompletionException(e.getCause());
                    }
                });
        return answer.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(unavailable(owner, origin, deadline, e)));
    }

    private static OwnerUnavailableException unavailable(String owner, String origin, Duration deadline, Throwable e) {
        Throwable cause = e instanceof CompletionException || e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return new OwnerUnavailableException(
                    owner,
                    "the owner of origin " + origin + ", " + owner + ", did not answer within " + deadline.toMillis()
                            + " ms (the probe's deadline); the origin's scheduled probes go on there",
                    true);
        }
        if (cause instanceof MemberLeftException) {
            return new OwnerUnavailableException(
                    owner,
                    "the owner of origin " + origin + ", " + owner + ", left the cluster before answering",
                    false);
        }
        return new OwnerUnavailableException(
                owner,
                "the owner of origin " + origin + ", " + owner + ", could not probe it: " + reason(cause),
                false);
    }

    static String reason(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A manual probe to run on the origin's owner; carries the origin's name and nothing else. */
    static final class ProbeTask implements Callable<Answer>, Serializable, HazelcastInstanceAware {
        private final String origin;
        private transient HazelcastInstance hz;

        ProbeTask(String origin) {
            this.origin = origin;
        }

        @Override
        public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
            this.hz = hazelcastInstance;
        }

        @Override
        public Answer call() {
            if (!(hz.getUserContext().get(PROBE_HANDLER) instanceof ProbeHandler handler)) {
                throw new IllegalStateException("this member is still starting and does not take probes yet");
            }
            return handler.probeHere(origin);
        }
    }
}
