package io.originwatch.metrics;

import io.prometheus.client.exporter.common.TextFormat;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.HttpCompressionHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves {@code /q/metrics} streamed: the page ({@link MetricsPage}) leaves in chunks of about
 * 32 KB as it is written, instead of the extension's one String of the whole page (at 100,000
 * origins about 90 MB of text, several hundred MB of garbage per scrape with the sample objects
 * behind it). What a scraper sees is what the extension's endpoint answered: the same content
 * negotiation (0.0.4 text when the Accept header names {@code text/plain} or {@code text/html},
 * else OpenMetrics 1.0.0), the same Content-Type, the same page, compressed when
 * {@code quarkus.http.enable-compression} is on, sent with chunked transfer encoding.
 *
 * <p>Quarkus 3.34 has no setting that removes the extension's route while keeping its registry
 * ({@code quarkus.micrometer.export.prometheus.*} has only enabled, path and default-registry), so
 * this route is registered on the main router ahead of it ({@link #ORDER}) at the path the
 * extension resolves. With a non-default HTTP root path or the management interface on, it stands
 * aside and the extension serves the page as before.
 */
@ApplicationScoped
public class MetricsRoute {

    private static final Logger LOG = Logger.getLogger(MetricsRoute.class);

    /** Ahead of the routes Quarkus registers (the framework's /q router among them). */
    static final int ORDER = -1_000;

    /** How long one chunk may wait for a slow scraper to take the ones before it. */
    static final long DRAIN_TIMEOUT_SECONDS = 60;

    private static final Set<String> COMPRESSED = Set.of("text/plain", "application/openmetrics-text");

    @Inject
    MetricsPage page;

    @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/")
    String rootPath;

    @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
    String nonApplicationRootPath;

    @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path", defaultValue = "metrics")
    String metricsPath;

    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false")
    boolean management;

    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean compression;

    void route(@Observes Router router) {
        if (management || !"/".equals(rootPath)) {
            LOG.infof(
                    "/q/metrics is served by the Micrometer extension (not streamed): management interface %s, root path %s",
                    management ? "on" : "off", rootPath);
            return;
        }
        router.route(path(nonApplicationRootPath, metricsPath)).order(ORDER).blockingHandler(this::handle, false);
    }

    /** The path the extension serves the page at, for the default root path. */
    static String path(String nonApplicationRoot, String metrics) {
        if (metrics.startsWith("/")) {
            return metrics;
        }
        String base = nonApplicationRoot.startsWith("/") ? nonApplicationRoot : "/" + nonApplicationRoot;
        return (base.endsWith("/") ? base : base + "/") + metrics;
    }

    /** As the extension chooses: OpenMetrics unless the scraper asks for text/plain (or a browser's text/html). */
    static String contentType(String accept) {
        if (accept != null && (accept.contains("text/plain") || accept.contains("text/html"))) {
            return TextFormat.CONTENT_TYPE_004;
        }
        return TextFormat.CONTENT_TYPE_OPENMETRICS_100;
    }

    private void handle(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        String contentType = contentType(rc.request().getHeader("Accept"));
        response.putHeader("Content-Type", contentType);
        if (compression) {
            rc.addHeadersEndHandler(v -> HttpCompressionHandler.compressIfNeeded(rc, COMPRESSED));
        }
        response.setChunked(true);
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate(); // as the extension does: a gauge may read a request-scoped bean
        }
        try {
            page.write(contentType, new ChunkedText(new ResponseChunks(response)));
            response.end();
        } catch (IOException | RuntimeException e) {
            if (!response.headWritten()) {
                rc.fail(e);
            } else {
                LOG.warnf("/q/metrics: the page stopped part-way (%s); the connection is closed", e.toString());
                try {
                    response.reset(); // the scraper must not take a partial page for a whole one
                } catch (RuntimeException closed) {
                    LOG.debugf("/q/metrics: already closed: %s", closed);
                }
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /**
     * UTF-8 of {@code chunk} into {@code b} (at least three bytes per char); the byte count. An
     * unpaired surrogate becomes '?', as {@code String.getBytes(UTF_8)} has it.
     */
    static int utf8(CharSequence chunk, byte[] b) {
        Utf8 utf8 = new Utf8();
        int n = utf8.encode(chunk);
        System.arraycopy(utf8.bytes(), 0, b, 0, n);
        return n;
    }

    /**
     * Encodes chunks to UTF-8 into one reused array: the chunk's chars copied out in bulk, then the
     * JDK's UTF-8 encoder, whose ASCII loop (all of a scrape page but odd label values) is a
     * vectorised intrinsic; a char at a time through {@code CharSequence.charAt} was 11% of a
     * scrape's CPU at 100,000 origins. Malformed input (an unpaired surrogate) becomes '?', the
     * encoder's replacement, as {@code String.getBytes(UTF_8)} has it.
     */
    static final class Utf8 {

        private final CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private char[] chars = new char[ChunkedText.CHUNK_CHARS + 1024];
        /** At most three bytes per char (a surrogate pair's two chars are four). */
        private byte[] bytes = new byte[3 * chars.length];

        /** Encodes {@code chunk} into {@link #bytes()}; the byte count. */
        int encode(CharSequence chunk) {
            int length = chunk.length();
            if (chars.length < length) {
                chars = new char[length];
                bytes = new byte[3 * length];
            }
            if (chunk instanceof StringBuilder sb) {
                sb.getChars(0, length, chars, 0);
            } else {
                chunk.toString().getChars(0, length, chars, 0);
            }
            ByteBuffer out = ByteBuffer.wrap(bytes);
            encoder.reset();
            CoderResult result = encoder.encode(CharBuffer.wrap(chars, 0, length), out, true);
            if (result.isOverflow()) {
                throw new IllegalStateException("UTF-8 of " + length + " chars over " + bytes.length + " bytes");
            }
            encoder.flush(out);
            return out.position();
        }

        byte[] bytes() {
            return bytes;
        }
    }

    /** Each chunk encoded to UTF-8 and written; waits while the connection's write queue is full. */
    private static final class ResponseChunks implements ChunkedText.ChunkOutput {

        private final HttpServerResponse response;
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        /** Reused for every chunk. */
        private final Utf8 utf8 = new Utf8();

        ResponseChunks(HttpServerResponse response) {
            this.response = response;
            response.closeHandler(v -> closed.complete(null));
        }

        @Override
        public void write(CharSequence chunk) throws IOException {
            if (closed.isDone() || response.closed()) {
                throw new IOException("the scraper closed the connection");
            }
            int n = utf8.encode(chunk);
            response.write(Buffer.buffer(n).appendBytes(utf8.bytes(), 0, n));
            if (response.writeQueueFull()) {
                awaitDrain();
            }
        }

        private void awaitDrain() throws IOException {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            response.drainHandler(v -> drained.complete(null));
            if (!response.writeQueueFull()) {
                return; // drained before the handler was set
            }
            try {
                CompletableFuture.anyOf(drained, closed).get(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IOException("the scraper took no data for " + DRAIN_TIMEOUT_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the scraper was slow", e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
            if (closed.isDone()) {
                throw new IOException("the scraper closed the connection");
            }
        }
    }
}
