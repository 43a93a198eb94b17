package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.conscrypt.AllocatedBuffer;
import org.junit.jupiter.api.Test;

/** Loans of exactly the asked capacity, reused after release, returned once however often released. */
class DirectBufferPoolTest {

    @Test
    void aReleasedBufferIsLentAgain() {
        DirectBufferPool pool = new DirectBufferPool();
        AllocatedBuffer first = pool.allocateDirectBuffer(16_384);
        ByteBuffer view = first.nioBuffer();
        assertThat(view.isDirect()).isTrue();
        assertThat(view.capacity()).isEqualTo(16_384);
        view.put(0, (byte) 42);
        first.release();
        assertThat(pool.idle()).isEqualTo(1);
        AllocatedBuffer second = pool.allocateDirectBuffer(100);
        assertThat(pool.idle()).isZero();
        assertThat(second.nioBuffer().capacity()).isEqualTo(100);
        assertThat(second.nioBuffer().get(0)).as("same memory, reused").isEqualTo((byte) 42);
        assertThat(second.nioBuffer().position()).isZero();
    }

    @Test
    void releasingTwiceReturnsTheBufferOnce() {
        DirectBufferPool pool = new DirectBufferPool();
        AllocatedBuffer loan = pool.allocateDirectBuffer(1024);
        loan.release();
        loan.release();
        assertThat(pool.idle()).isEqualTo(1);
        AllocatedBuffer a = pool.allocateDirectBuffer(1024);
        AllocatedBuffer b = pool.allocateDirectBuffer(1024);
        a.nioBuffer().put(0, (byte) 1);
        b.nioBuffer().put(0, (byte) 2);
        assertThat(a.nioBuffer().get(0)).as("two loans never share memory").isEqualTo((byte) 1);
    }

    @Test
    void largerRequestsAndSurplusBuffersAreNotPooled() {
        DirectBufferPool pool = new DirectBufferPool();
        AllocatedBuffer big = pool.allocateDirectBuffer(DirectBufferPool.BUFFER_BYTES + 1);
        assertThat(big.nioBuffer().capacity()).isEqualTo(DirectBufferPool.BUFFER_BYTES + 1);
        big.release();
        assertThat(pool.idle()).isZero();
        AllocatedBuffer[] loans = new AllocatedBuffer[DirectBufferPool.MAX_POOLED + 10];
        for (int i = 0; i < loans.length; i++) {
            loans[i] = pool.allocateDirectBuffer(512);
        }
        for (AllocatedBuffer loan : loans) {
            loan.release();
        }
        assertThat(pool.idle()).isEqualTo(DirectBufferPool.MAX_POOLED);
    }
}
