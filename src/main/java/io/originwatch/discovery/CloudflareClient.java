package io.originwatch.discovery;

import io.originwatch.edge.ranges.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads zones and DNS records from Cloudflare's v4 API as it documents them: Bearer auth; every
 * answer an envelope {@code {success, errors, result, result_info}}; lists paginated through
 * {@code page} / {@code per_page} and {@code result_info.total_pages}. A 429 is retried after the
 * {@code Retry-After} the API sends (else {@link #BACKOFF_BASE} doubling), at most
 * {@link #MAX_ATTEMPTS} times. Any other failure ends the run: a partial list must never be taken
 * for the whole one (it would stop probing the records not read).
 */
public final class CloudflareClient {

    public static final int MAX_ATTEMPTS = 4;
    public static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    /** A Retry-After above this is capped: the next scheduled run would come first anyway. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    public static final int PER_PAGE = 100;
    /** Bounds a misbehaving API that keeps reporting more pages. */
    public static final int MAX_PAGES = 1000;

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Bytes of a body quoted in an error message. */
    private static final int EXCERPT_CHARS = 120;

    /** A zone the token can read. */
    public record Zone(String id, String name) {}

    private final URI base;
    private final String token;
    private final JsonCodec json;
    private final HttpClient http;

    public CloudflareClient(URI base, String token, JsonCodec json) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.token = token;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The zones named (each looked up by {@code ?name=}), or every zone the token can read when empty. */
    public List<Zone> zones(List<String> names) throws DiscoveryException {
        List<Zone> zones = new ArrayList<>();
        if (names.isEmpty()) {
            for (Map<?, ?> z : list("zones", "")) {
                zones.add(zone(z));
            }
            return zones;
        }
        for (String name : names) {
            List<Map<?, ?>> found = list("zones", "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&");
            if (found.isEmpty()) {
                throw new DiscoveryException("zone " + name + ": not found, or the token cannot read it");
            }
            zones.add(zone(found.get(0)));
        }
        return zones;
    }

    /** Every DNS record of {@code zone}, all pages. */
    public List<DnsRecord> records(Zone zone) throws DiscoveryException {
        List<DnsRecord> records = new ArrayList<>();
        for (Map<?, ?> r : list("zones/" + URLEncoder.encode(zone.id(), StandardCharsets.UTF_8) + "/dns_records", "")) {
            records.add(new DnsRecord(
                    text(r, "id"),
                    zone.name(),
                    text(r, "type"),
                    text(r, "name"),
                    text(r, "content"),
                    Boolean.TRUE.equals(r.get("proxied"))));
        }
        return records;
    }

    private static Zone zone(Map<?, ?> z) throws DiscoveryException {
        return new Zone(text(z, "id"), text(z, "name"));
    }

    private static String text(Map<?, ?> m, String field) throws DiscoveryException {
        if (!(m.get(field) instanceof String s)) {
            throw new DiscoveryException("malformed answer: an entry has no string \"" + field + "\"");
        }
        return s;
    }

    /** All pages of one list endpoint; {@code query} is extra parameters ending in {@code &}, or empty. */
    private List<Map<?, ?>> list(String path, String query) throws DiscoveryException {
        List<Map<?, ?>> all = new ArrayList<>();
        int totalPages = 1;
        for (int page = 1; page <= totalPages; page++) {
            if (page > MAX_PAGES) {
                throw new DiscoveryException(path + ": more than " + MAX_PAGES + " pages");
            }
            URI uri = base.resolve(path + "?" + query + "page=" + page + "&per_page=" + PER_PAGE);
            Map<?, ?> envelope = envelope(path, get(path, uri));
            if (!(envelope.get("result") instanceof List<?> result)) {
                throw new DiscoveryException(path + ": malformed answer: no \"result\" list");
            }
            for (Object o : result) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw new DiscoveryException(path + ": malformed answer: a result entry is not an object");
                }
                all.add(m);
            }
            if (envelope.get("result_info") instanceof Map<?, ?> info && info.get("total_pages") instanceof Number n) {
                totalPages = n.intValue();
            }
        }
        return all;
    }

    private Map<?, ?> envelope(String path, String body) throws DiscoveryException {
        Object tree;
        try {
            tree = json.parse(body);
        } catch (JsonCodec.MalformedJson e) {
            throw new DiscoveryException(path + ": malformed JSON (" + e.getMessage() + "): " + excerpt(body));
        }
        if (!(tree instanceof Map<?, ?> m)) {
            throw new DiscoveryException(path + ": malformed answer: not a JSON object: " + excerpt(body));
        }
        if (!Boolean.TRUE.equals(m.get("success"))) {
            throw new DiscoveryException(path + ": the API reported failure: " + errors(m));
        }
        return m;
    }

    private String errors(Map<?, ?> envelope) {
        return envelope.get("errors") instanceof List<?> l && !l.isEmpty() ? json.write(l) : "(no errors listed)";
    }

    /** One GET with Bearer auth; 429 retried with backoff, any other non-2xx a failure. */
    private String get(String path, URI uri) throws DiscoveryException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        Duration backoff = BACKOFF_BASE;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DiscoveryException(path + ": request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiscoveryException(path + ": interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            if (status != 429 || attempt >= MAX_ATTEMPTS) {
                String why = status == 429 ? "rate limited (429) " + attempt + " times" : "HTTP " + status;
                String detail = status == 401 || status == 403 ? " (is the API token valid and allowed to read?)" : "";
                throw new DiscoveryException(path + ": " + why + detail + ": " + excerpt(response.body()));
            }
            Duration wait = retryAfter(response).orElse(backoff);
            backoff = backoff.multipliedBy(2);
            pause(path, wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void pause(String path, Duration wait) throws DiscoveryException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException(path + ": interrupted while backing off", e);
        }
    }

    private static String excerpt(String body) {
        String one = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return one.length() <= EXCERPT_CHARS ? "\"" + one + "\"" : "\"" + one.substring(0, EXCERPT_CHARS) + "...\"";
    }
}
