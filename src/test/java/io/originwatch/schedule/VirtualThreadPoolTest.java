package io.originwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Quartz's pool contract: run every fire at once on its own virtual thread, refuse after shutdown. */
class VirtualThreadPoolTest {

    @Test
    void runsEachFireOnItsOwnVirtualThreadWithoutWaitingForOthers() throws Exception {
        VirtualThreadPool pool = new VirtualThreadPool();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            assertThat(pool.runInThread(() -> {
                        blocked.countDown();
                        await(release);
                    }))
                    .isTrue();
        }
        assertThat(blocked.await(10, TimeUnit.SECONDS))
                .as("three blocked fires run side by side")
                .isTrue();
        CompletableFuture<Boolean> virtual = new CompletableFuture<>();
        assertThat(pool.runInThread(
                        () -> virtual.complete(Thread.currentThread().isVirtual())))
                .isTrue();
        assertThat(virtual.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.blockForAvailableThreads()).isPositive();
        release.countDown();
        pool.shutdown(true);
    }

    @Test
    void refusesFiresAfterShutdown() {
        VirtualThreadPool pool = new VirtualThreadPool();
        pool.setThreadCount(4);
        pool.shutdown(false);
        assertThat(pool.runInThread(() -> {})).isFalse();
        assertThat(pool.blockForAvailableThreads()).isZero();
        assertThat(pool.getPoolSize()).isEqualTo(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
