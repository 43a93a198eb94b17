package io.originwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.origin.OriginStateView;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-origin families for a fixed state are the bytes the collector wrote before it read the
 * origins into per-scrape columns (issue 20): the expected pages were written by the previous
 * build (main at a445277, which read every origin's state in each family) from this state:
 * {@link ScrapeBench#fill} of 40 origins (plain and HTTPS results, failures, a pending origin,
 * probe counts of several causes) with one origin not owned here. TextPageTest checks the text
 * against the Prometheus client's writer; this checks the values and which series exist.
 */
class OriginSeriesPageTest {

    private static final int ORIGINS = 40;
    /** Scheduled on another cluster member: none of its series. */
    private static final String NOT_HERE = "o5";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TextFormat.CONTENT_TYPE_004, TextFormat.CONTENT_TYPE_OPENMETRICS_100})
    void thePageIsTheOneTheCollectorWroteBeforeTheColumns(String contentType) throws IOException {
        Map<String, OriginStateView> states = new ConcurrentSkipListMap<>();
        Set<String> scheduled = ConcurrentHashMap.newKeySet();
        Map<String, ProbeCounts> counts = new ConcurrentHashMap<>();
        ScrapeBench.fill(ORIGINS, states, scheduled, counts);
        scheduled.remove(NOT_HERE);
        OriginSeriesCollector collector = new OriginSeriesCollector(states.values(), scheduled::contains, counts::get);

        StringBuilder page = new StringBuilder();
        ChunkedText out = new ChunkedText(chunk -> page.append(chunk));
        new TextPage(out, contentType).write(collector);
        out.flush();

        String expected = expected(contentType.equals(TextFormat.CONTENT_TYPE_004) ? "004" : "openmetrics");
        assertThat(page.toString()).isEqualTo(expected);
        assertThat(expected)
                .as("the fixture has each kind of origin")
                .contains("cause=\"pending\"")
                .contains("cause=\"connection_refused\"")
                .contains("originwatch_certificate_expiry_timestamp_seconds{origin=\"o3\"")
                .contains("alpn=\"h2\"")
                .doesNotContain("origin=\"" + NOT_HERE + "\"");
    }

    private static String expected(String format) throws IOException {
        String name = "origin-series-" + ORIGINS + "-" + format + ".txt";
        try (InputStream in = OriginSeriesPageTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
