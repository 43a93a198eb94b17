package io.originwatch.edge.ranges;

import io.originwatch.http1.RedactionRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a range list with a conditional GET (If-None-Match) so an unchanged list costs a 304.
 * Bounded three ways, because a feed the daemon trusts for its allowlists must not be able to hang
 * or steer it:
 * <ol>
 * <li>one total deadline ({@code timeout}) from connecting to the last body byte, redirects
 *     included: the JDK client's request timeout ends when the headers arrive, so a feed that sends
 *     headers and then stalls would block the refresh (and every later one) forever;</li>
 * <li>at most {@link #MAX_BODY_BYTES}: reading stops at the first byte over;</li>
 * <li>redirects are followed only on the same host (at most {@link #MAX_REDIRECTS}); a redirect to
 *     another host is refused, so a compromised or hijacked URL cannot hand the list to a third party.</li>
 * </ol>
 * Reasons name the URL with secret query values and user-info redacted.
 */
public final class RangeFetcher {

    /** Timeout for connecting and for the whole response; lists are small, the daemon must not hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** ip-ranges.json is the largest list (~2 MB); anything far beyond is not a range list. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Same-host redirects followed (an http to https upgrade, a moved path). */
    public static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBodyBytes;

    public RangeFetcher(Duration timeout) {
        this(timeout, MAX_BODY_BYTES);
    }

    RangeFetcher(Duration timeout, int maxBodyBytes) {
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public FetchResult fetch(URI url, String etag) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI at = url;
        for (int hop = 0; ; hop++) {
            Answer a;
            try {
                a = exchange(at, etag, deadline);
            } catch (TimeoutException e) {
                return new FetchResult.Failed("fetching " + shown(url)
                        + ": no complete answer (headers and body) within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                return new FetchResult.Failed(
                        c instanceof BodyTooLarge
                                ? "body from " + shown(url) + " exceeds " + maxBodyBytes + " bytes"
                                : "fetching " + shown(url) + ": " + c.getClass().getSimpleName() + " "
                                        + c.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FetchResult.Failed("fetching " + shown(url) + ": interrupted");
            } catch (IllegalArgumentException e) {
                return new FetchResult.Failed("fetching " + shown(url) + ": " + e.getMessage());
            }
            int status = a.response.statusCode();
            if (status == 304) {
                return new FetchResult.NotModified();
            }
            if (status / 100 == 3 && status != 304) {
                String location = a.response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    return new FetchResult.Failed("HTTP " + status + " without Location from " + shown(url));
                }
                URI next = at.resolve(location.strip());
                if (!sameHost(at, next)) {
                    return new FetchResult.Failed("redirect from " + shown(url) + " to another host (" + next.getHost()
                            + ") refused: point originwatch.edge.urls at the final URL");
                }
                if (hop >= MAX_REDIRECTS) {
                    return new FetchResult.Failed("more than " + MAX_REDIRECTS + " redirects from " + shown(url));
                }
                at = next;
                continue;
            }
            if (status != 200) {
                return new FetchResult.Failed("HTTP " + status + " from " + shown(url));
            }
            return new FetchResult.Body(
                    new String(a.body, StandardCharsets.UTF_8),
                    a.response.headers().firstValue("ETag").orElse(null));
        }
    }

    private record Answer(HttpResponse<byte[]> response, byte[] body) {}

    private Answer exchange(URI url, String etag, long deadline)
            throws TimeoutException, ExecutionException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .GET()
                .header("Accept", "application/json, text/plain;q=0.9, */*;q=0.1")
                .header("User-Agent", "originwatch-edge");
        if (etag != null && !etag.isBlank()) {
            req.header("If-None-Match", etag);
        }
        CompletableFuture<HttpResponse<byte[]>> f =
                client.sendAsync(req.build(), info -> new BoundedBody(maxBodyBytes));
        try {
            HttpResponse<byte[]> r = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Answer(r, r.body());
        } catch (TimeoutException | InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    private static boolean sameHost(URI from, URI to) {
        return to.getHost() != null
                && from.getHost() != null
                && to.getHost().toLowerCase(Locale.ROOT).equals(from.getHost().toLowerCase(Locale.ROOT));
    }

    private static String shown(URI url) {
        return RedactionRule.DEFAULT.url(url.toString());
    }

    /** Thrown inside the body subscriber at the first byte over the limit. */
    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    /** Collects the body up to a limit and cancels the stream at the first byte over it. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private byte[] buf = new byte[8192];
        private int size;
        private Flow.Subscription subscription;

        BoundedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (size + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge());
                    return;
                }
                if (size + b.remaining() > buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(max, Math.max(buf.length * 2, size + b.remaining())));
                }
                int n = b.remaining();
                b.get(buf, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(Arrays.copyOf(buf, size));
        }
    }
}
