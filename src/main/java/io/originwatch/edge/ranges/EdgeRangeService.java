package io.originwatch.edge.ranges;

import inet.ipaddr.IPAddress;
import io.originwatch.http1.RedactionRule;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps one provider's current good list.
 * <ol>
 * <li>{@link #start()}: the cached last good list, else the built-in snapshot, else nothing.</li>
 * <li>{@link #refresh(boolean)}: conditional GET of every URL, parse, validate, then replace and
 * persist, or keep the last good list and say why.</li>
 * </ol>
 * Refreshes are serialised; {@link #current()} never blocks.
 */
public final class EdgeRangeService {

    private static final System.Logger LOG = System.getLogger(EdgeRangeService.class.getName());

    private final RangeSettings settings;
    private final RangeFetcher fetcher;
    private final RangeStore store;
    private final JsonCodec codec;
    private final RangeValidator validator;
    private final EdgeRangeListener listener;
    private final Clock clock;
    private volatile EdgeRanges current;
    private Map<String, String> httpEtags = new HashMap<>();

    public EdgeRangeService(RangeSettings settings, JsonCodec codec, EdgeRangeListener listener, Clock clock) {
        this.settings = settings;
        this.codec = codec;
        this.fetcher = new RangeFetcher(settings.fetchTimeout());
        this.store = new RangeStore(settings.cacheDir(), codec);
        this.validator = new RangeValidator(settings.maxShrink(), settings.minPrefixIpv4(), settings.minPrefixIpv6());
        this.listener = listener;
        this.clock = clock;
    }

    public String provider() {
        return settings.provider().label();
    }

    /** The list in force, or null when there is none (custom provider, no cache, no fetch yet). */
    public EdgeRanges current() {
        return current;
    }

    /** Stale: no list, only the snapshot, or not confirmed by the source within {@code staleAfter}. */
    public boolean stale() {
        EdgeRanges r = current;
        return r == null
                || r.isSnapshot()
                || r.fetchedAt().plus(settings.staleAfter()).isBefore(clock.instant());
    }

    public synchronized void start() {
        try {
            RangeStore.Stored cached = store.load(provider());
            if (cached != null) {
                current = cached.ranges();
                httpEtags = new HashMap<>(cached.httpEtags());
                LOG.log(
                        Level.INFO,
                        "edge ranges loaded provider={0} source={1} ipv4={2} ipv6={3}",
                        provider(),
                        current.source(),
                        current.ipv4().size(),
                        current.ipv6().size());
                listener.loaded(current);
                return;
            }
        } catch (IOException | RangeParseException e) {
            LOG.log(
                    Level.WARNING,
                    "edge range cache unusable provider={0} file={1} reason={2}",
                    provider(),
                    store.fileFor(provider()),
                    e.getMessage());
        }
        try {
            EdgeRanges snap = RangeStore.snapshot(provider(), codec);
            if (snap != null) {
                current = snap;
                LOG.log(
                        Level.WARNING,
                        "edge ranges from built-in fallback provider={0} source={1}: refresh needed",
                        provider(),
                        snap.source());
                listener.loaded(snap);
            }
        } catch (IOException | RangeParseException e) {
            LOG.log(Level.ERROR, "built-in snapshot unusable provider={0} reason={1}", provider(), e.getMessage());
        }
    }

    /** One refresh's outcome and when it ended (for the console's edge page). */
    public record LastRefresh(java.time.Instant at, RefreshOutcome outcome) {}

    private volatile LastRefresh lastRefresh;

    /** The last refresh (scheduled or asked for) since start, if any. */
    public java.util.Optional<LastRefresh> lastRefresh() {
        return java.util.Optional.ofNullable(lastRefresh);
    }

    public synchronized RefreshOutcome refresh(boolean force) {
        RefreshOutcome outcome = doRefresh(force);
        lastRefresh = new LastRefresh(clock.instant(), outcome);
        switch (outcome) {
            case RefreshOutcome.Updated u ->
                LOG.log(
                        Level.INFO,
                        "edge ranges updated provider={0} ipv4={1} ipv6={2} {3}",
                        provider(),
                        u.ranges().ipv4().size(),
                        u.ranges().ipv6().size(),
                        u.diff());
            case RefreshOutcome.Unchanged u -> LOG.log(Level.DEBUG, "edge ranges unchanged provider={0}", provider());
            case RefreshOutcome.Rejected r ->
                LOG.log(
                        Level.WARNING,
                        "edge ranges rejected provider={0} reason={1}; last good list stays",
                        provider(),
                        r.reason());
            case RefreshOutcome.Failed f ->
                LOG.log(
                        Level.WARNING,
                        "edge ranges refresh failed provider={0} reason={1}; last good list stays",
                        provider(),
                        f.reason());
        }
        listener.refreshed(provider(), outcome);
        return outcome;
    }

    /**
     * Takes a list another member fetched (cluster mode: only one member fetches), as if this member
     * had fetched it: the same validation and shrink guard against this member's own list in force
     * ({@code forced}: the fetching member accepted it with {@code force=true}, so the guard is
     * skipped here too), then installed and persisted. A refused list is logged and the last good one
     * stays. Counts no refresh: only the member that fetched does ({@link EdgeRangeListener#loaded}
     * is called for a list that came into force). {@code last} is the fetching member's last refresh,
     * shown here as this member's; a list older than the one in force (not a snapshot) is ignored.
     *
     * @return {@code Updated} when the list came into force, {@code Unchanged} when it was already in
     *     force (or older), {@code Rejected} when this member refused it
     */
    public synchronized RefreshOutcome adopt(
            String from,
            String provider,
            String source,
            java.time.Instant fetchedAt,
            String etag,
            List<String> entries,
            boolean forced,
            LastRefresh last) {
        RefreshOutcome outcome = adoptChecked(provider, source, fetchedAt, etag, entries, forced);
        switch (outcome) {
            case RefreshOutcome.Rejected r -> {
                LOG.log(
                        Level.WARNING,
                        "edge ranges from cluster member {0} refused provider={1} reason={2}; last good list stays",
                        from,
                        provider(),
                        r.reason());
                return outcome;
            }
            case RefreshOutcome.Updated u -> {
                LOG.log(
                        Level.INFO,
                        "edge ranges updated from cluster member {0} provider={1} ipv4={2} ipv6={3} {4}",
                        from,
                        provider(),
                        u.ranges().ipv4().size(),
                        u.ranges().ipv6().size(),
                        u.diff());
                listener.loaded(u.ranges());
            }
            default -> {}
        }
        if (last != null) {
            lastRefresh = last;
        }
        return outcome;
    }

    private RefreshOutcome adoptChecked(
            String provider,
            String source,
            java.time.Instant fetchedAt,
            String etag,
            List<String> entries,
            boolean forced) {
        if (!provider().equals(provider)) {
            return new RefreshOutcome.Rejected(
                    "the list is for provider " + provider + ", this member runs " + provider());
        }
        if (fetchedAt == null || source == null) {
            return new RefreshOutcome.Rejected("the list has no source or fetch time");
        }
        EdgeRanges previous = current;
        if (source.startsWith("snapshot:")) {
            // every member has the same built-in snapshot; only fetched lists travel
            return new RefreshOutcome.Unchanged(previous);
        }
        if (previous != null && !previous.isSnapshot() && fetchedAt.isBefore(previous.fetchedAt())) {
            return new RefreshOutcome.Unchanged(previous);
        }
        Validation v = validator.validate(entries, previous, forced);
        if (v instanceof Validation.Rejected(String reason)) {
            return new RefreshOutcome.Rejected(reason);
        }
        EdgeRanges next = EdgeRanges.of(provider(), source, fetchedAt, etag, ((Validation.Accepted) v).blocks());
        if (previous != null
                && !previous.isSnapshot()
                && previous.fetchedAt().equals(next.fetchedAt())
                && Objects.equals(previous.etag(), next.etag())
                && new HashSet<>(previous.all()).equals(new HashSet<>(next.all()))) {
            return new RefreshOutcome.Unchanged(previous);
        }
        RangeDiff diff = RangeDiff.between(previous, next);
        // this member's own conditional-GET markers no longer describe the list in force
        install(next, Map.of());
        return new RefreshOutcome.Updated(next, diff);
    }

    private RefreshOutcome doRefresh(boolean force) {
        boolean conditional = !force && current != null && !current.isSnapshot();
        Map<URI, FetchResult> first = new LinkedHashMap<>();
        for (URI url : settings.urls()) {
            first.put(url, fetcher.fetch(url, conditional ? httpEtags.get(url.toString()) : null));
        }
        if (conditional && first.values().stream().allMatch(r -> r instanceof FetchResult.NotModified)) {
            return unchanged(httpEtags);
        }
        Map<String, String> newEtags = new LinkedHashMap<>();
        Map<URI, String> bodies = new LinkedHashMap<>();
        for (Map.Entry<URI, FetchResult> e : first.entrySet()) {
            URI url = e.getKey();
            // A partial 304 still needs the unchanged part's body to rebuild the whole list.
            FetchResult r = e.getValue() instanceof FetchResult.NotModified ? fetcher.fetch(url, null) : e.getValue();
            switch (r) {
                case FetchResult.Failed f -> {
                    return new RefreshOutcome.Failed(f.reason());
                }
                case FetchResult.NotModified n -> {
                    return new RefreshOutcome.Failed("304 from " + url + " to an unconditional request");
                }
                case FetchResult.Body b -> {
                    bodies.put(url, b.body());
                    if (b.etag() != null) {
                        newEtags.put(url.toString(), b.etag());
                    }
                }
            }
        }
        return accept(bodies, newEtags, force);
    }

    private RefreshOutcome accept(Map<URI, String> bodies, Map<String, String> newEtags, boolean force) {
        List<String> entries = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (Map.Entry<URI, String> e : bodies.entrySet()) {
            RangeParser parser = settings.provider()
                    .parserFor(e.getKey(), settings.chinaNetwork(), settings.cloudFrontService(), codec);
            try {
                ParsedList parsed = parser.parse(e.getValue());
                entries.addAll(parsed.entries());
                if (parsed.version() != null) {
                    versions.add(parsed.version());
                }
            } catch (RangeParseException ex) {
                return new RefreshOutcome.Rejected(e.getKey() + ": " + ex.getMessage());
            }
        }
        // The snapshot counts as the previous list: on a fresh pod a feed answering one /24 must not
        // replace it unforced, any more than it may replace a fetched list.
        EdgeRanges previous = current;
        Validation v = validator.validate(entries, previous, force);
        if (v instanceof Validation.Rejected(String reason)) {
            return new RefreshOutcome.Rejected(reason);
        }
        List<IPAddress> blocks = ((Validation.Accepted) v).blocks();
        String version = versions.isEmpty()
                ? (newEtags.isEmpty() ? null : String.join(",", newEtags.values()))
                : String.join(",", versions);
        EdgeRanges next = EdgeRanges.of(provider(), sourceLabel(), clock.instant(), version, blocks);
        if (current != null
                && new HashSet<>(current.all()).equals(new HashSet<>(next.all()))
                && !current.isSnapshot()
                && Objects.equals(current.etag(), next.etag())) {
            return unchanged(newEtags);
        }
        RangeDiff diff = RangeDiff.between(current, next);
        install(next, newEtags);
        return new RefreshOutcome.Updated(next, diff);
    }

    /** The source confirmed the list: it is fresh again, with the same content. */
    private RefreshOutcome unchanged(Map<String, String> etags) {
        EdgeRanges confirmed = new EdgeRanges(
                current.provider(), sourceLabel(), clock.instant(), current.etag(), current.ipv4(), current.ipv6());
        install(confirmed, etags);
        return new RefreshOutcome.Unchanged(confirmed);
    }

    private void install(EdgeRanges next, Map<String, String> etags) {
        current = next;
        httpEtags = new HashMap<>(etags);
        try {
            store.save(new RangeStore.Stored(next, etags));
        } catch (IOException e) {
            LOG.log(
                    Level.WARNING,
                    "cannot persist edge ranges provider={0} file={1} reason={2}",
                    provider(),
                    store.fileFor(provider()),
                    e.toString());
        }
    }

    private String sourceLabel() {
        return String.join(
                " ",
                settings.urls().stream()
                        .map(u -> RedactionRule.DEFAULT.url(u.toString()))
                        .toList());
    }

    public RangeSettings settings() {
        return settings;
    }
}
