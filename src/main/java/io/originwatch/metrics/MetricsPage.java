package io.originwatch.metrics;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole scrape page, written into a {@link ChunkedText} as it is produced: first the per-origin
 * families straight from each origin's state ({@link TextPage}, no object per series), then every
 * other family of the Prometheus registry through the client's own text writer (the registry's
 * page without the streamed collectors, which it skips by name without collecting them). The
 * series, names, labels, HELP and TYPE lines are those {@code PrometheusMeterRegistry.scrape}
 * writes; only the order of the families differs (the registry's own order is a hash set's).
 */
@ApplicationScoped
public class MetricsPage {

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
        Set<String> written = new HashSet<>();
        TextPage page = new TextPage(out, contentType);
        for (StreamedCollector c : streamed) {
            page.write(c);
            written.addAll(c.registeredNames());
        }
        // last: the OpenMetrics writer ends the page with "# EOF"
        TextFormat.writeFormat(
                contentType,
                out,
                registry.getPrometheusRegistry().filteredMetricFamilySamples(name -> !written.contains(name)));
        out.flush();
    }
}
