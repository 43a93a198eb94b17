package io.originwatch.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's thread pool, as one virtual thread per fired trigger ({@code quarkus.quartz.thread-pool-class}).
 *
 * <p>Why: every origin fires its own trigger, thousands per second at scale. Quartz's
 * {@code SimpleThreadPool} hands each fire to a few platform workers through {@code wait/notifyAll}
 * under one monitor, which cost more CPU than the job itself (the job only hands the probe to
 * {@link ProbeRunner}). A virtual thread per fire needs no hand-off monitor, never makes the scheduler
 * thread wait for a free worker, and a slow job cannot hold up the others.
 *
 * <p>Quartz configures its pool as a bean: Quarkus sets {@code threadCount} and
 * {@code threadPriority}, which have no meaning for virtual threads, so they are accepted and
 * ignored (the cap on concurrent probes is {@code originwatch.max-concurrent-probes}).
 */
public class VirtualThreadPool implements ThreadPool {

    /** Grace for fired jobs at shutdown; each only hands a probe off, so this is generous. */
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("quartz-fire-", 0).factory());
    private int threadCount;

    @Override
    public boolean runInThread(Runnable runnable) {
        if (runnable == null) {
            return false;
        }
        try {
            threads.execute(runnable);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // shutting down: Quartz then releases the fired trigger
        }
    }

    /**
     * Never blocks: there is always a thread. The scheduler thread takes {@code min(this, batch max
     * count)} triggers per acquisition, so the batch size stays {@code batch-trigger-acquisition-max-count}.
     */
    @Override
    public int blockForAvailableThreads() {
        return threads.isShutdown() ? 0 : Integer.MAX_VALUE;
    }

    @Override
    public void initialize() throws SchedulerConfigException {
        // nothing to start: threads are made per fire
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        threads.shutdown();
        if (!waitForJobsToComplete) {
            return;
        }
        try {
            threads.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configured count (metadata only: Quartz reports it, nothing sizes by it). */
    @Override
    public int getPoolSize() {
        return threadCount;
    }

    @Override
    public void setInstanceId(String schedInstId) {
        // thread names do not carry the instance: there is one scheduler
    }

    @Override
    public void setInstanceName(String schedName) {
        // as above
    }

    /** Bean property Quarkus always sets ({@code quarkus.quartz.thread-count}). */
    public void setThreadCount(int threadCount) {
        this.threadCount = threadCount;
    }

    /** Bean property Quarkus always sets; virtual threads have no priority. */
    public void setThreadPriority(int threadPriority) {
        // ignored, see the class comment
    }
}
