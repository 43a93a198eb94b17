package io.originwatch.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    public record Stored(EdgeRanges ranges, Map<String, String> httpEtags) {
    }

    private final Path cacheDir;

    public RangeStore(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public Path fileFor(String provider) {
        return cacheDir.resolve(provider + "-ranges.json");
    }

    /** Writes to a temp file in the same directory and moves it over, so a crash never leaves half a list. */
    public void save(Stored stored) throws IOException {
        Files.createDirectories(cacheDir);
        EdgeRanges r = stored.ranges();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("provider", r.provider()).put("source", r.source())
                .put("fetchedAt", r.fetchedAt().toString()).put("etag", r.etag());
        // putArray even when empty: CloudFront's origin-facing list has no IPv6, and the reader wants both
        ArrayNode v4 = root.putArray("ipv4");
        r.ipv4().forEach(a -> v4.add(a.toString()));
        ArrayNode v6 = root.putArray("ipv6");
        r.ipv6().forEach(a -> v6.add(a.toString()));
        ObjectNode etags = root.putObject("httpEtags");
        stored.httpEtags().forEach(etags::put);
        Path target = fileFor(r.provider());
        Path tmp = Files.createTempFile(cacheDir, r.provider() + "-ranges", ".tmp");
        try {
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
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
        Stored s = decode(Files.readString(file), file.toString(), null);
        return new Stored(s.ranges().withSource("cache:" + file + " (" + s.ranges().source() + ")"), s.httpEtags());
    }

    /** The built-in snapshot of the provider, or null if we ship none (custom). */
    public static EdgeRanges snapshot(String provider) throws IOException, RangeParseException {
        String resource = "/edge/snapshot/" + provider + ".json";
        try (InputStream in = RangeStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            JsonNode root = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            String date = Json.text(root, "snapshotDate");
            if (date == null) {
                throw new RangeParseException(resource + ": snapshotDate missing");
            }
            Instant at = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
            return decode(root.toString(), resource, at).ranges().withSource("snapshot:" + date);
        }
    }

    private static Stored decode(String text, String where, Instant fetchedAtOverride) throws RangeParseException {
        JsonNode root = Json.read(text, where);
        List<String> entries = new ArrayList<>(Json.strings(root, "ipv4", where));
        entries.addAll(Json.strings(root, "ipv6", where));
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
        JsonNode h = root.get("httpEtags");
        if (h != null && h.isObject()) {
            h.fields().forEachRemaining(e -> etags.put(e.getKey(), e.getValue().asText()));
        }
        String source = Json.text(root, "source");
        EdgeRanges r = EdgeRanges.of(Json.text(root, "provider"), source == null ? where : source, at,
                Json.text(root, "etag"), blocks);
        return new Stored(r, etags);
    }
}
