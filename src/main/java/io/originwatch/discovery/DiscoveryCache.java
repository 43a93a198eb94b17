package io.originwatch.discovery;

import io.originwatch.edge.ranges.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last good result of each source, one JSON file per source ({@code <dir>/<source>.json}),
 * written atomically (temp file, then rename) so a crash mid-write leaves the previous one. Read at
 * start-up, so the discovered origins are probed again before the API answers (or while it does not).
 * Holds no credential.
 */
public final class DiscoveryCache {

    private static final int VERSION = 1;

    private final Path dir;
    private final JsonCodec json;

    public DiscoveryCache(Path dir, JsonCodec json) {
        this.dir = dir;
        this.json = json;
    }

    public Path file(String source) {
        return dir.resolve(source + ".json");
    }

    public void save(String source, DiscoveryResult result) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("version", VERSION);
        List<Object> origins = new ArrayList<>();
        for (DiscoveredOrigin o : result.origins()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.name());
            m.put("url", o.url());
            m.put("host", o.host());
            m.put("viaEdgeUrl", o.viaEdgeUrl());
            m.put("labels", new LinkedHashMap<>(o.labels()));
            m.put("settings", new LinkedHashMap<>(o.settings()));
            origins.add(m);
        }
        tree.put("origins", origins);
        List<Object> skipped = new ArrayList<>();
        for (Skipped s : result.skipped()) {
            skipped.add(Map.of("item", s.item(), "reason", s.reason()));
        }
        tree.put("skipped", skipped);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(source + ".json.tmp");
        Files.writeString(tmp, json.writeIndented(tree), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file(source), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file(source), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The saved result, empty when there is none; a damaged file is an exception naming it. */
    public Optional<DiscoveryResult> load(String source) throws DiscoveryException {
        Path file = file(source);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DiscoveryException(file + ": cannot read: " + e, e);
        }
        try {
            if (!(json.parse(text) instanceof Map<?, ?> tree)
                    || !(tree.get("origins") instanceof List<?> origins)
                    || !(tree.get("skipped") instanceof List<?> skipped)) {
                throw new DiscoveryException(file + ": not a discovery cache (no origins and skipped lists)");
            }
            List<DiscoveredOrigin> os = new ArrayList<>();
            for (Object o : origins) {
                Map<?, ?> m = (Map<?, ?>) o;
                Map<String, String> labels = new LinkedHashMap<>();
                ((Map<?, ?>) m.get("labels")).forEach((k, v) -> labels.put((String) k, (String) v));
                Map<String, String> settings = new LinkedHashMap<>();
                if (m.get("settings") instanceof Map<?, ?> given) { // absent in caches written before it
                    given.forEach((k, v) -> settings.put((String) k, (String) v));
                }
                os.add(new DiscoveredOrigin(
                        (String) m.get("name"),
                        (String) m.get("url"),
                        (String) m.get("host"),
                        (String) m.get("viaEdgeUrl"),
                        labels,
                        settings));
            }
            List<Skipped> ss = new ArrayList<>();
            for (Object o : skipped) {
                Map<?, ?> m = (Map<?, ?>) o;
                ss.add(new Skipped((String) m.get("item"), (String) m.get("reason")));
            }
            return Optional.of(new DiscoveryResult(os, ss));
        } catch (JsonCodec.MalformedJson e) {
            throw new DiscoveryException(file + ": malformed JSON: " + e.getMessage(), e);
        } catch (ClassCastException | NullPointerException e) {
            throw new DiscoveryException(file + ": not a discovery cache: " + e.getMessage(), e);
        }
    }
}
