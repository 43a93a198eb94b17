package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The read-buffer pool: reuse, a bound, zeroed arrays, and no array ever in two hands at once. */
class ReadBuffersTest {

    @Test
    void aGivenBackArrayIsLentAgainZeroed() {
        ReadBuffers pool = new ReadBuffers();
        byte[] first = pool.take();
        assertThat(first).hasSize(ReadBuffers.BUFFER_BYTES);
        Arrays.fill(first, (byte) 'x');
        pool.giveBack(first);
        assertThat(pool.idle()).isEqualTo(1);
        byte[] second = pool.take();
        assertThat(second).as("the same array, reused").isSameAs(first);
        assertThat(second).as("holding none of the last probe's bytes").containsOnly(0);
        assertThat(pool.idle()).isZero();
    }

    @Test
    void twoLoansAreTwoArrays() {
        ReadBuffers pool = new ReadBuffers();
        pool.giveBack(new byte[ReadBuffers.BUFFER_BYTES]);
        byte[] a = pool.take();
        byte[] b = pool.take();
        assertThat(a).isNotSameAs(b);
    }

    @Test
    void idleArraysAreBoundedAndForeignOnesDropped() {
        ReadBuffers pool = new ReadBuffers();
        List<byte[]> loans = new ArrayList<>();
        for (int i = 0; i < ReadBuffers.MAX_POOLED + 20; i++) {
            loans.add(pool.take());
        }
        loans.forEach(pool::giveBack);
        assertThat(pool.idle()).isEqualTo(ReadBuffers.MAX_POOLED);
        assertThat(pool.idleDistinct()).isTrue();
        ReadBuffers empty = new ReadBuffers();
        empty.giveBack(new byte[17]);
        empty.giveBack(null);
        assertThat(empty.idle()).isZero();
    }

    /**
     * 3,000 virtual threads take, fill with their own mark, yield, check the mark and give back, many
     * times over: an array lent to two at once would show another thread's mark.
     */
    @Test
    void noArrayIsLentTwiceUnderThreeThousandVirtualThreads() throws InterruptedException {
        ReadBuffers pool = new ReadBuffers();
        int threads = 3_000;
        int rounds = 50;
        AtomicInteger mixed = new AtomicInteger();
        AtomicInteger dirty = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            byte mark = (byte) (1 + t % 250);
            all.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int r = 0; r < rounds; r++) {
                    byte[] b = pool.take();
                    if (b[0] != 0 || b[b.length - 1] != 0) {
                        dirty.incrementAndGet();
                    }
                    Arrays.fill(b, mark);
                    Thread.yield();
                    for (byte x : b) {
                        if (x != mark) {
                            mixed.incrementAndGet();
                            break;
                        }
                    }
                    pool.giveBack(b);
                }
            }));
        }
        start.countDown();
        for (Thread t : all) {
            t.join();
        }
        assertThat(mixed).as("arrays written by two threads at once").hasValue(0);
        assertThat(dirty).as("arrays lent with bytes of an earlier loan").hasValue(0);
        assertThat(pool.idle()).isBetween(1, ReadBuffers.MAX_POOLED);
        assertThat(pool.idleDistinct()).as("no array in two slots").isTrue();
    }
}
