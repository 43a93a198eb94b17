package io.originwatch.metrics;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole scrape page, written into a {@link ChunkedText} as it is produced: first every family
 * of the Prometheus registry but the streamed collectors' (the process's own meters, the schedule
 * lag among them) through the client's own text writer, then the per-origin families straight from
 * each origin's state ({@link TextPage}, no object per series), then OpenMetrics' {@code # EOF}. The
 * series, names, labels, HELP and TYPE lines are those {@code PrometheusMeterRegistry.scrape}
 * writes; only the order of the families differs (the registry's own order is a hash set's).
 *
 * <p>Why the registry's families first: Prometheus stamps every sample of a scrape with the time the
 * scrape began, and at 100,000 origins the per-origin families take one to two seconds to write. The
 * process's counters and histograms are read as the page begins, next to that stamp, so they do not
 * count what happened while the page was written (a probe made late by the scrape itself shows on
 * the next scrape, not this one).
 */
@ApplicationScoped
public class MetricsPage {

    /** The line the OpenMetrics writer ends the registry's part with; written once, after every family. */
    static final String EOF = "# EOF\n";

    @Inject
    PrometheusMeterRegistry registry;

    @Inject
    OriginMetrics originMetrics;

    @Inject
    MaintenanceMetrics maintenanceMetrics;

    /**
     * @param contentType {@link TextFormat#CONTENT_TYPE_004} or {@link TextFormat#CONTENT_TYPE_OPENMETRICS_100}
     */
    void write(String contentType, ChunkedText out) throws IOException {
        List<StreamedCollector> streamed = new ArrayList<>(2);
        for (StreamedCollector c :
                new StreamedCollector[] {originMetrics.collector(), maintenanceMetrics.collector()}) {
            if (c != null) {
                streamed.add(c);
            }
        }
        write(contentType, out, streamed, registry);
    }

    static void write(
            String contentType, ChunkedText out, List<StreamedCollector> streamed, PrometheusMeterRegistry registry)
            throws IOException {
        Set<String> streamedNames = new HashSet<>();
        for (StreamedCollector c : streamed) {
            streamedNames.addAll(c.registeredNames());
        }
        boolean openMetrics = TextFormat.CONTENT_TYPE_OPENMETRICS_100.equals(contentType);
        HeldTail registryPart = new HeldTail(out, openMetrics ? EOF.length() : 0);
        TextFormat.writeFormat(
                contentType,
                registryPart,
                registry.getPrometheusRegistry().filteredMetricFamilySamples(name -> !streamedNames.contains(name)));
        String tail = registryPart.tail();
        if (!tail.equals(openMetrics ? EOF : "")) {
            throw new IllegalStateException(
                    "the Prometheus client's page did not end with " + EOF.trim() + ": " + tail);
        }
        TextPage page = new TextPage(out, contentType);
        for (StreamedCollector c : streamed) {
            page.write(c);
        }
        if (openMetrics) {
            out.text().append(EOF);
        }
        out.flush();
    }

    /**
     * Passes everything written to the page but its last {@code held} characters, which
     * {@link #tail()} answers once the writer is done: the OpenMetrics writer ends its part with
     * {@code # EOF}, and the page goes on after it.
     */
    static final class HeldTail extends Writer {

        private final ChunkedText out;
        private final int held;
        private final StringBuilder tail = new StringBuilder();

        HeldTail(ChunkedText out, int held) {
            this.out = out;
            this.held = held;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            tail.append(chars, off, len);
            pass();
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            tail.append(s, off, off + len);
            pass();
        }

        private void pass() throws IOException {
            int through = tail.length() - held;
            if (through > 0) {
                out.text().append(tail, 0, through);
                tail.delete(0, through);
                out.endOfLine();
            }
        }

        /** The characters held back. */
        String tail() {
            return tail.toString();
        }

        @Override
        public void flush() {
            // the page is flushed once, whole, by write()
        }

        @Override
        public void close() {
            // the page goes on
        }
    }
}
