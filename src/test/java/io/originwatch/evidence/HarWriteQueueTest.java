package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarWriteQueueTest {

    /** A sink that records what it wrote and on which thread, and can be held shut. */
    private static final class HeldSink implements HarWriteQueue.Sink {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;

        HeldSink(boolean held) {
            release = new CountDownLatch(held ? 1 : 0);
        }

        @Override
        public void write(String fileName, byte[] har) throws java.io.IOException {
            threads.add(Thread.currentThread().getName());
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(fileName + "=" + new String(har, StandardCharsets.UTF_8));
        }
    }

    private static final class Drops implements HarWriteQueue.Listener {
        final List<String> dropped = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();

        @Override
        public void dropped(String origin, String fileName) {
            dropped.add(origin + "/" + fileName);
        }

        @Override
        public void failed(String origin, String fileName, Exception error) {
            failed.add(origin + "/" + fileName + ": " + error.getMessage());
        }
    }

    @Test
    void writesRunOnTheWriterThreadInTheOrderOffered() {
        HeldSink sink = new HeldSink(false);
        AtomicInteger renderedOnCaller = new AtomicInteger();
        String caller = Thread.currentThread().getName();
        try (HarWriteQueue q = new HarWriteQueue(sink, 8, HarWriteQueue.Listener.NONE).start()) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                assertThat(q.offer("shop", "shop-" + n + ".har", () -> {
                            if (Thread.currentThread().getName().equals(caller)) {
                                renderedOnCaller.incrementAndGet();
                            }
                            return ("har" + n).getBytes(StandardCharsets.UTF_8);
                        }))
                        .isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.written.size() == 5);
        }
        assertThat(sink.written)
                .as("a later result is written after an earlier one, never before")
                .containsExactly(
                        "shop-0.har=har0", "shop-1.har=har1", "shop-2.har=har2", "shop-3.har=har3", "shop-4.har=har4");
        assertThat(sink.threads).containsOnly("originwatch-har-writer").doesNotContain(caller);
        assertThat(renderedOnCaller)
                .as("HARs are rendered off the offering thread")
                .hasValue(0);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheProbe() throws InterruptedException {
        HeldSink sink = new HeldSink(true);
        Drops drops = new Drops();
        try (HarWriteQueue q = new HarWriteQueue(sink, 2, drops).start()) {
            assertThat(q.offer("shop", "first.har", () -> new byte[] {'1'})).isTrue();
            assertThat(sink.entered.await(10, TimeUnit.SECONDS))
                    .as("the writer holds the first write")
                    .isTrue();
            assertThat(q.offer("shop", "second.har", () -> new byte[] {'2'})).isTrue();
            assertThat(q.offer("shop", "third.har", () -> new byte[] {'3'})).isTrue();
            assertThat(q.pending()).isEqualTo(2);

            assertThat(q.offer("blog", "fourth.har", () -> new byte[] {'4'}))
                    .as("capacity 2, both taken: dropped at once")
                    .isFalse();
            assertThat(drops.dropped).containsExactly("blog/fourth.har");

            sink.release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.written.size() == 3);
        }
        assertThat(sink.written).containsExactly("first.har=1", "second.har=2", "third.har=3");
        assertThat(drops.failed).isEmpty();
    }

    @Test
    void aFailedWriteIsReportedAndTheWriterGoesOn(@TempDir Path dir) {
        HarDirectory directory = new HarDirectory(dir, HarDirectory.DEFAULT_MAX_TOTAL_BYTES);
        Drops drops = new Drops();
        try (HarWriteQueue q = new HarWriteQueue(directory::write, 4, drops).start()) {
            q.offer("shop", "not-a-har.txt", () -> new byte[] {'x'});
            q.offer("shop", "render.har", () -> {
                throw new IllegalStateException("render failed");
            });
            q.offer("shop", "shop.har", () -> "{}".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("shop.har")));
        }
        assertThat(drops.failed)
                .containsExactly(
                        "shop/not-a-har.txt: not a plain .har file name: not-a-har.txt",
                        "shop/render.har: render failed");
        assertThat(drops.dropped).isEmpty();
    }

    @Test
    void closeWritesWhatIsQueuedThenRefusesMore() {
        HeldSink sink = new HeldSink(false);
        Drops drops = new Drops();
        HarWriteQueue q = new HarWriteQueue(sink, 4, drops).start();
        q.offer("shop", "a.har", () -> new byte[] {'a'});
        q.offer("shop", "b.har", () -> new byte[] {'b'});
        q.close();
        assertThat(sink.written).containsExactly("a.har=a", "b.har=b");
        assertThat(q.offer("shop", "late.har", () -> new byte[] {'c'})).isFalse();
        assertThat(drops.dropped).containsExactly("shop/late.har");
    }
}
