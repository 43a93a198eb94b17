package io.originwatch.alert;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * POSTs one JSON body and turns the outcome into success or a DeliveryException that says whether
 * to retry. Two rules keep a receiver from hurting the daemon:
 * <ol>
 * <li>One total deadline ({@code timeout}) covers connecting, sending, the status line, the
 *     headers <em>and the body</em>: the JDK client's own request timeout ends when the headers
 *     arrive, so a receiver that answers its headers and then stalls would hold the sink forever.
 *     On the deadline the exchange is cancelled and the attempt fails (retryable).</li>
 * <li>Messages name the receiver by scheme, host and port only: a webhook URL's path is often its
 *     secret (Slack), and a query may carry a token. At most {@link #MAX_ERROR_BODY_CHARS} of an
 *     error answer are kept, and the rest of the body is read and discarded.</li>
 * </ol>
 */
final class HttpDelivery {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_ERROR_BODY_CHARS = 200;
    /** Anything that looks like a URL inside an exception's message. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S+");

    private HttpDelivery() {}

    static void post(HttpClient client, URI url, byte[] body, Map<String, String> headers, Duration timeout)
            throws DeliveryException {
        String where = "POST " + receiver(url);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "originwatch")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException(where + ": request refused by the HTTP client: " + describe(e), false);
        }
        BoundedText text = new BoundedText(MAX_ERROR_BODY_CHARS);
        CompletableFuture<HttpResponse<Void>> exchange =
                client.sendAsync(request.build(), info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(text));
        HttpResponse<Void> response;
        try {
            response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryException(
                    where + ": no complete answer (headers and body) within " + timeout.toMillis() + " ms", true);
        } catch (ExecutionException e) {
            throw new DeliveryException(where + ": " + describe(e.getCause()), true);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryException(where + ": interrupted", true);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        DeliveryException.Kind kind = status >= 500 || status == 408 || status == 429
                ? DeliveryException.Kind.RETRY
                : status == 401 || status == 403 || status == 404
                        ? DeliveryException.Kind.CLIENT_ERROR_RETRY
                        : DeliveryException.Kind.DROP;
        throw new DeliveryException(
                where + ": HTTP " + status + " " + text.text().strip(), kind);
    }

    /** {@code scheme://host:port}, the port always written (the scheme's default when absent). */
    static String receiver(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String host = url.getHost() == null ? "?" : url.getHost();
        return url.getScheme() + "://" + host + ":" + port;
    }

    private static String describe(Throwable t) {
        Throwable root = t instanceof UncheckedIOException u ? u.getCause() : t;
        String message = Optional.ofNullable(root.getMessage())
                .map(m -> URL_IN_TEXT.matcher(m).replaceAll("<url>"))
                .orElse("");
        String type = root.getClass().getSimpleName();
        return message.isEmpty() ? type : type + ": " + message;
    }

    /** Keeps the first {@code max} characters of an answer and discards the rest as it streams in. */
    private static final class BoundedText implements java.util.function.Consumer<Optional<byte[]>> {
        private final int max;
        private final StringBuilder sb = new StringBuilder();
        private boolean cut;

        BoundedText(int max) {
            this.max = max;
        }

        @Override
        public synchronized void accept(Optional<byte[]> chunk) {
            if (chunk.isEmpty() || sb.length() >= max) {
                cut |= chunk.isPresent();
                return;
            }
            sb.append(new String(chunk.get(), StandardCharsets.UTF_8));
            if (sb.length() > max) {
                sb.setLength(max);
                cut = true;
            }
        }

        synchronized String text() {
            return cut ? sb + "..." : sb.toString();
        }
    }
}
