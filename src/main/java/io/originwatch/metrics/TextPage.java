package io.originwatch.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link StreamedCollector}'s families as the Prometheus client's {@link TextFormat}
 * writes them, character for character, in text format 0.0.4 or OpenMetrics 1.0.0, with no object
 * per series: label values and numbers are appended to the chunk buffer directly.
 *
 * <p>What the client writes, and so this: 0.0.4 names a counter's HELP and TYPE lines with its
 * {@code _total} sample name, escapes backslash and newline in HELP, and ends every label with a
 * comma ({@code {origin="a",}}); OpenMetrics puts TYPE before HELP with the family's own name,
 * escapes HELP as a label value, and separates labels with commas. Values are Go's float text:
 * {@code +Inf}, {@code -Inf}, else {@link Double#toString(double)}.
 */
final class TextPage {

    private final ChunkedText out;
    private final boolean openMetrics;

    /** @param contentType {@link TextFormat#CONTENT_TYPE_004} or {@link TextFormat#CONTENT_TYPE_OPENMETRICS_100} */
    TextPage(ChunkedText out, String contentType) {
        this.out = out;
        this.openMetrics = TextFormat.CONTENT_TYPE_OPENMETRICS_100.equals(contentType);
    }

    /** Every family of {@code collector}, each with its HELP and TYPE lines (also when it has no series). */
    void write(StreamedCollector collector) throws IOException {
        List<Family> families = collector.families();
        StreamedCollector.Scrape scrape = collector.scrape();
        for (int i = 0; i < families.size(); i++) {
            Family f = families.get(i);
            header(f);
            String[] parts = parts(f);
            IOException[] failed = new IOException[1];
            scrape.samples(i, (l1, l2, l3, value) -> {
                if (failed[0] == null) {
                    try {
                        sample(parts, l1, l2, l3, value);
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
    }

    private void header(Family f) throws IOException {
        StringBuilder t = out.text();
        if (openMetrics) {
            t.append("# TYPE ")
                    .append(f.name())
                    .append(' ')
                    .append(omType(f.type()))
                    .append('\n');
            t.append("# HELP ").append(f.name()).append(' ');
            labelValue(t, f.help());
            t.append('\n');
        } else {
            String name = f.type() == Collector.Type.INFO ? f.name() + "_info" : f.sampleName();
            t.append("# HELP ").append(name).append(' ');
            help(t, f.help());
            t.append('\n');
            t.append("# TYPE ").append(name).append(' ').append(type(f.type())).append('\n');
        }
        out.endOfLine();
    }

    /**
     * The fixed text of a family's sample lines, computed once per family and page: the text
     * before the first label value ({@code name{origin="}, or {@code name } without labels), the
     * text between two values ({@code ",phase="}, the same in both formats), and the text after the
     * last one ({@code "} } in OpenMetrics, {@code ",} } in 0.0.4, which ends every label with a comma).
     */
    private String[] parts(Family f) {
        List<String> labels = f.labelNames();
        int n = labels.size();
        if (n == 0) {
            return new String[] {f.sampleName() + " "};
        }
        String[] parts = new String[n + 1];
        parts[0] = f.sampleName() + "{" + labels.get(0) + "=\"";
        for (int k = 1; k < n; k++) {
            parts[k] = "\"," + labels.get(k) + "=\"";
        }
        parts[n] = openMetrics ? "\"} " : "\",} ";
        return parts;
    }

    private void sample(String[] parts, String l1, String l2, String l3, double value) throws IOException {
        StringBuilder t = out.text();
        t.append(parts[0]);
        int n = parts.length - 1;
        if (n > 0) {
            labelValue(t, l1);
            if (n > 1) {
                t.append(parts[1]);
                labelValue(t, l2);
                if (n > 2) {
                    t.append(parts[2]);
                    labelValue(t, l3);
                }
            }
            t.append(parts[n]);
        }
        value(t, value);
        t.append('\n');
        out.endOfLine();
    }

    /** Label values (and OpenMetrics HELP): backslash, double quote and newline escaped. */
    private static void labelValue(StringBuilder t, String s) {
        int length = s.length();
        int i = 0;
        while (i < length) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"' || c == '\n') {
                break;
            }
            i++;
        }
        if (i == length) {
            t.append(s); // nothing to escape (every origin name): one copy, not a char at a time
            return;
        }
        t.append(s, 0, i);
        for (; i < length; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> t.append("\\\\");
                case '"' -> t.append("\\\"");
                case '\n' -> t.append("\\n");
                default -> t.append(c);
            }
        }
    }

    /** 0.0.4 HELP: backslash and newline escaped. */
    private static void help(StringBuilder t, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> t.append("\\\\");
                case '\n' -> t.append("\\n");
                default -> t.append(c);
            }
        }
    }

    /** Whole numbers below 10^7 are written without the double's formatting: "123.0", as Double.toString has them. */
    private static final double PLAIN_LIMIT = 1e7;

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /** As {@link Collector#doubleToGoString(double)}, appended instead of returned. */
    static void value(StringBuilder t, double d) {
        if (d == Double.POSITIVE_INFINITY) {
            t.append("+Inf");
        } else if (d == Double.NEGATIVE_INFINITY) {
            t.append("-Inf");
        } else if (d == (long) d && Math.abs(d) < PLAIN_LIMIT && Double.doubleToRawLongBits(d) != NEGATIVE_ZERO) {
            t.append((long) d).append(".0");
        } else {
            t.append(d); // the same shortest decimal as Double.toString
        }
    }

    private static String type(Collector.Type t) {
        return switch (t) {
            case GAUGE -> "gauge";
            case COUNTER -> "counter";
            case SUMMARY -> "summary";
            case HISTOGRAM, GAUGE_HISTOGRAM -> "histogram";
            case STATE_SET, INFO -> "gauge";
            default -> "untyped";
        };
    }

    private static String omType(Collector.Type t) {
        return switch (t) {
            case GAUGE -> "gauge";
            case COUNTER -> "counter";
            case SUMMARY -> "summary";
            case HISTOGRAM -> "histogram";
            case GAUGE_HISTOGRAM -> "gaugehistogram";
            case STATE_SET -> "stateset";
            case INFO -> "info";
            default -> "unknown";
        };
    }
}
