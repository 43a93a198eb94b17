package io.originwatch.edge.ranges;

import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last good list on disk ({@code <cache-dir>/<provider>-ranges.json}) and the built-in dated
 * snapshots ({@code /edge/snapshot/<provider>.json} on the classpath). Both use the same JSON shape;
 * what is read back is validated again, so a damaged file is reported instead of trusted.
 */
public final class RangeStore {

    /** A stored list plus the per-URL HTTP ETags, so a restart can still ask for a 304. */
    public record Stored(EdgeRanges ranges, Map<String, String> httpEtags) {}

    private final Path cacheDir;
    private final JsonCodec codec;

    public RangeStore(Path cacheDir, JsonCodec codec) {
        this.cacheDir = cacheDir;
        this.codec = codec;
    }

    public Path fileFor(String provider) {
        return cacheDir.resolve(provider + "-ranges.json");
    }

    /** Writes to a temp file in the same directory and moves it over, so a crash never leaves half a list. */
    public void save(Stored stored) throws IOException {
        Files.createDirectories(cacheDir);
        EdgeRanges r = stored.ranges();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provider", r.provider());
        root.put("source", r.source());
        root.put("fetchedAt", r.fetchedAt().toString());
        root.put("etag", r.etag());
        // both arrays even when empty: CloudFront's origin-facing list has no IPv6, and the reader wants both
        root.put("ipv4", r.ipv4().stream().map(IPAddress::toString).toList());
        root.put("ipv6", r.ipv6().stream().map(IPAddress::toString).toList());
        root.put("httpEtags", new LinkedHashMap<>(stored.httpEtags()));
        Path target = fileFor(r.provider());
        Path tmp = Files.createTempFile(cacheDir, r.provider() + "-ranges", ".tmp");
        try {
            Files.writeString(tmp, codec.writeIndented(root));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The cached list, or null if there is none; a file that cannot be trusted throws with the reason. */
    public Stored load(String provider) throws IOException, RangeParseException {
        Path file = fileFor(provider);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String where = file.toString();
        Stored s = decode(Json.read(codec, Files.readString(file), where), where, null, codec);
        return new Stored(
                s.ranges().withSource("cache:" + file + " (" + s.ranges().source() + ")"), s.httpEtags());
    }

    /** The built-in snapshot of the provider, or null if we ship none (custom). */
    public static EdgeRanges snapshot(String provider, JsonCodec codec) throws IOException, RangeParseException {
        String resource = "/edge/snapshot/" + provider + ".json";
        try (InputStream in = RangeStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Map<?, ?> root = Json.read(codec, new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            String date = Json.text(root, "snapshotDate");
            if (date == null) {
                throw new RangeParseException(resource + ": snapshotDate missing");
            }
            Instant at = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
            return decode(root, resource, at, codec).ranges().withSource("snapshot:" + date);
        }
    }

    private static Stored decode(Map<?, ?> root, String where, Instant fetchedAtOverride, JsonCodec codec)
            throws RangeParseException {
        List<String> entries = new ArrayList<>(Json.strings(codec, root, "ipv4", where));
        entries.addAll(Json.strings(codec, root, "ipv6", where));
        Validation v = new RangeValidator(1.0).validate(entries, null, true);
        if (v instanceof Validation.Rejected(String reason)) {
            throw new RangeParseException(where + ": " + reason);
        }
        List<IPAddress> blocks = ((Validation.Accepted) v).blocks();
        Instant at;
        try {
            at = fetchedAtOverride != null ? fetchedAtOverride : Instant.parse(Json.text(root, "fetchedAt"));
        } catch (RuntimeException e) {
            throw new RangeParseException(where + ": fetchedAt missing or not an instant");
        }
        Map<String, String> etags = new LinkedHashMap<>();
        if (root.get("httpEtags") instanceof Map<?, ?> h) {
            for (Map.Entry<?, ?> e : h.entrySet()) {
                if (e.getValue() instanceof String etag) {
                    etags.put(e.getKey().toString(), etag);
                }
            }
        }
        String source = Json.text(root, "source");
        EdgeRanges r = EdgeRanges.of(
                Json.text(root, "provider"), source == null ? where : source, at, Json.text(root, "etag"), blocks);
        return new Stored(r, etags);
    }
}
