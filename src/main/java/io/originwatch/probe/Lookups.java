package io.originwatch.probe;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Name lookups of every probe, off the virtual threads' carriers. The system resolver blocks in
 * native code ({@code getaddrinfo}), which holds the carrier thread of a virtual thread; against a
 * blackholed resolver each lookup hangs for the resolver's whole timeout, and lookups abandoned at a
 * probe's deadline kept hanging, so enough of them held every carrier and stalled every probe, IP
 * literals included. Here:
 *
 * <ul>
 *   <li>lookups run on at most {@value #THREADS} platform threads of their own; a probe waits for its
 *       answer on its virtual thread, which unmounts, up to its own deadline;
 *   <li>a lookup of a name already being looked up (by the same resolver) joins it instead of
 *       starting another, so a hanging name costs one thread, and the queue holds at most one
 *       lookup per distinct name.
 * </ul>
 */
final class Lookups {

    /** Platform threads for lookups at most; idle ones end after a minute. */
    static final int THREADS = 16;

    private record Key(Resolver resolver, String host) {}

    private static final ConcurrentHashMap<Key, CompletableFuture<List<InetAddress>>> IN_FLIGHT =
            new ConcurrentHashMap<>();

    private static final ThreadPoolExecutor POOL = pool();

    private Lookups() {}

    private static ThreadPoolExecutor pool() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "originwatch-dns-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The addresses of {@code host} by {@code resolver}, as a future shared by everyone asking now. */
    static CompletableFuture<List<InetAddress>> lookup(Resolver resolver, String host) {
        Key key = new Key(resolver, host);
        return IN_FLIGHT.computeIfAbsent(key, k -> {
            CompletableFuture<List<InetAddress>> answer = new CompletableFuture<>();
            POOL.execute(() -> {
                try {
                    answer.complete(resolver.resolve(host));
                } catch (Throwable t) {
                    answer.completeExceptionally(t);
                } finally {
                    IN_FLIGHT.remove(k, answer);
                }
            });
            return answer;
        });
    }

    /** Lookups running or queued now (distinct names). */
    static int inFlight() {
        return IN_FLIGHT.size();
    }

    /** Lookup threads alive now. */
    static int threads() {
        return POOL.getPoolSize();
    }
}
