package io.originwatch.api;

import io.originwatch.classify.Cause;
import io.originwatch.origin.OriginStateView;
import io.originwatch.origin.ProbeRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The filters and paging of {@code GET /api/origins}, parsed and checked in one place. Every origin
 * is tested on its state (the latest result's cause, its labels) before a view is built, so a page
 * costs the views on it, not the fleet's.
 *
 * <ol>
 *   <li>{@code cause}: a cause label ({@code ok}, {@code connection_refused} ...) or {@code pending};
 *   <li>{@code failing}: {@code true} keeps origins whose latest result is not {@code ok} (pending
 *       ones are not failing), {@code false} keeps the others;
 *   <li>{@code label}: {@code key:value}, repeatable, every one must match (AND);
 *   <li>{@code limit}: 1 to {@value #MAX_LIMIT} origins per page; with it the answer is a page
 *       ({@link OriginPage}), without it the plain list as before;
 *   <li>{@code cursor}: the {@code next} of the previous page; the page goes on after the last name
 *       it held, in name order, so origins added or removed meanwhile never repeat or shift a page.
 * </ol>
 *
 * A bad value is a {@link BadParameterException} naming the parameter.
 */
public record OriginQuery(
        Optional<String> cause, Optional<Boolean> failing, Map<String, String> labels, int limit, String after) {

    /** The largest page {@code limit} accepts: about 1.4 MB of JSON. */
    public static final int MAX_LIMIT = 1000;

    /** No paging: the whole (filtered) list. */
    public static final int UNPAGED = 0;

    /** What {@code cause} accepts: every cause's label and {@code pending}. */
    static final Set<String> CAUSES = Stream.concat(
                    Arrays.stream(Cause.values()).map(Cause::label), Stream.of("pending"))
            .collect(Collectors.toUnmodifiableSet());

    private static final String CURSOR_PREFIX = "after:";

    /** Parses the query parameters as given (null when absent). */
    public static OriginQuery parse(String cause, String failing, List<String> labels, String limit, String cursor) {
        return new OriginQuery(
                Optional.ofNullable(cause).map(OriginQuery::cause),
                Optional.ofNullable(failing).map(OriginQuery::failing),
                labels(labels == null ? List.of() : labels),
                limit(limit, cursor),
                cursor == null ? null : decode(cursor));
    }

    /** True when the answer is a page ({@code limit} given). */
    public boolean paged() {
        return limit != UNPAGED;
    }

    /** True when {@code state} passes every filter. */
    public boolean matches(OriginStateView state) {
        if (cause.isEmpty() && failing.isEmpty() && labels.isEmpty()) {
            return true;
        }
        Optional<Cause> latest = state.latest().map(ProbeRecord::verdict).map(v -> v.cause());
        if (cause.isPresent() && !cause.get().equals(latest.map(Cause::label).orElse("pending"))) {
            return false;
        }
        if (failing.isPresent()
                && failing.get() != latest.map(c -> !c.healthy()).orElse(false)) {
            return false;
        }
        Map<String, String> own = state.origin().labels();
        for (Map.Entry<String, String> l : labels.entrySet()) {
            if (!l.getValue().equals(own.get(l.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The opaque cursor that continues after {@code name}. */
    public static String cursorAfter(String name) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith(CURSOR_PREFIX) && s.length() > CURSOR_PREFIX.length()) {
                return s.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new BadParameterException("cursor", "not a cursor of this API (pass the previous page's next as is)");
    }

    private static String cause(String value) {
        if (!CAUSES.contains(value)) {
            throw new BadParameterException(
                    "cause",
                    "unknown cause \"" + value + "\"; one of pending, "
                            + Arrays.stream(Cause.values()).map(Cause::label).collect(Collectors.joining(", ")));
        }
        return value;
    }

    private static boolean failing(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadParameterException("failing", "true or false, was \"" + value + "\"");
        };
    }

    private static Map<String, String> labels(List<String> values) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String v : values) {
            int colon = v.indexOf(':');
            if (colon <= 0) {
                throw new BadParameterException("label", "key:value, e.g. label=team:shop, was \"" + v + "\"");
            }
            String key = v.substring(0, colon);
            String value = v.substring(colon + 1);
            String earlier = labels.putIfAbsent(key, value);
            if (earlier != null && !earlier.equals(value)) {
                // one key cannot hold two values: AND of both matches nothing; say so instead of answering []
                throw new BadParameterException(
                        "label", "key " + key + " given twice with different values (" + earlier + ", " + value + ")");
            }
        }
        return labels;
    }

    private static int limit(String value, String cursor) {
        if (value == null) {
            if (cursor != null) {
                throw new BadParameterException("cursor", "needs limit (the page size), e.g. ?limit=100&cursor=...");
            }
            return UNPAGED;
        }
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw new BadParameterException(
                    "limit", "a whole number from 1 to " + MAX_LIMIT + ", was \"" + value + "\"");
        }
        return n;
    }
}
