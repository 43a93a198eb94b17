package io.originwatch.edge.ranges;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Fetches a range list with a conditional GET (If-None-Match) so an unchanged list costs a 304. */
public final class RangeFetcher {

    /** Timeout for connecting and for the whole response; lists are small, the daemon must not hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** ip-ranges.json is the largest list (~2 MB); anything far beyond is not a range list. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    public RangeFetcher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public FetchResult fetch(URI url, String etag) {
        HttpRequest.Builder req = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .GET()
                .header("Accept", "application/json, text/plain;q=0.9, */*;q=0.1")
                .header("User-Agent", "originwatch-edge");
        if (etag != null && !etag.isBlank()) {
            req.header("If-None-Match", etag);
        }
        try {
            HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                if (resp.statusCode() == 304) {
                    return new FetchResult.NotModified();
                }
                if (resp.statusCode() != 200) {
                    return new FetchResult.Failed("HTTP " + resp.statusCode() + " from " + url);
                }
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    return new FetchResult.Failed("body from " + url + " exceeds " + MAX_BODY_BYTES + " bytes");
                }
                return new FetchResult.Body(
                        new String(body, StandardCharsets.UTF_8),
                        resp.headers().firstValue("ETag").orElse(null));
            }
        } catch (IOException e) {
            return new FetchResult.Failed(
                    "fetching " + url + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed("fetching " + url + ": interrupted");
        }
    }
}
