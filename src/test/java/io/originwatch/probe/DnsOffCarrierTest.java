package io.originwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: DNS lookups cannot occupy every carrier thread. A blackholed resolver for names (the
 * via-edge URLs) leaves IP-literal probes working on a JVM with one carrier, and lookups run on
 * their own bounded platform threads, one per name at a time.
 */
class DnsOffCarrierTest {

    @Test
    void aBlackholedResolverLeavesIpLiteralProbesOkOnOneCarrier() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=1",
                "-cp",
                System.getProperty("java.class.path"),
                BlackholedResolverMain.class.getName(),
                "40"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("child finished; output: %s", out)
                .isTrue();
        assertThat(out).as("child output").contains("ip-literal ok");
    }

    @Test
    void lookupsRunOnBoundedPlatformThreadsOnePerName() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Boolean> virtual = new java.util.concurrent.CopyOnWriteArrayList<>();
        Resolver hanging = host -> {
            calls.incrementAndGet();
            virtual.add(Thread.currentThread().isVirtual());
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return List.of(InetAddress.getLoopbackAddress());
        };
        List<CompletableFuture<List<InetAddress>>> answers = new ArrayList<>();
        try {
            // 3 probes of each of 40 names
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 40; i++) {
                    answers.add(Lookups.lookup(hanging, "name-" + i + ".test"));
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == Lookups.THREADS);
            assertThat(Lookups.inFlight()).as("one lookup per name").isEqualTo(40);
            assertThat(Lookups.threads()).isLessThanOrEqualTo(Lookups.THREADS);
        } finally {
            release.countDown();
        }
        for (CompletableFuture<List<InetAddress>> a : answers) {
            assertThat(a.get(30, TimeUnit.SECONDS)).containsExactly(InetAddress.getLoopbackAddress());
        }
        assertThat(calls.get()).as("the resolver is asked once per name").isEqualTo(40);
        assertThat(peak.get()).as("lookups at once").isEqualTo(Lookups.THREADS);
        assertThat(virtual).as("lookups ran on virtual threads").containsOnly(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> Lookups.inFlight() == 0);
    }
}
