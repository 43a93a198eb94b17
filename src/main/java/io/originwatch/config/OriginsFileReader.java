package io.originwatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the origins file: YAML with the top-level key {@code origins}, a list of origins with the
 * same keys as {@code originwatch.origins[n]}, and optionally {@code maintenance}, with the same keys
 * as {@code originwatch.maintenance}. It is flattened by {@link YamlFlattener} with the
 * rules SmallRye's YAML source applies to application.yaml, so both forms accept the same spelling.
 * Unknown keys are errors here (a typo in a ConfigMap should not silently fall back to a default).
 *
 * <p>The file's size limit is one setting, {@code originwatch.origins-file-max-bytes}: a larger
 * file is refused before it is read, and SnakeYAML's own code-point limit (3,145,728 by default,
 * about 35,000 origins) is set from it. SmallRye's source offers no way to pass
 * {@link LoaderOptions}, hence the reader's own {@link Yaml} instance.
 */
public final class OriginsFileReader {

    /** Admits 100,000 origins of up to about 330 bytes each (the bench's are 90). */
    public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

    static final String MAX_BYTES_KEY = "originwatch.origins-file-max-bytes";

    private static final Pattern ORIGIN_KEY = Pattern.compile("origins\\[(\\d+)]\\.(.+)");

    /** The file's top-level key for maintenance windows, beside {@code origins}. */
    static final String MAINTENANCE = "maintenance";

    private OriginsFileReader() {}

    /**
     * What one read of the file holds: its raw origins and the flat keys under its top-level
     * {@code maintenance} (as {@code maintenance.windows[0].name}), which
     * {@link MaintenanceSettings#fromFile} maps.
     */
    public record Content(List<RawOrigin> origins, Map<String, String> maintenance) {}

    /** {@link #read(Path, int, List)} with the default size limit. */
    public static List<RawOrigin> read(Path file, List<ConfigError> errors) {
        return read(file, DEFAULT_MAX_BYTES, errors);
    }

    /**
     * Raw origins of {@code file}, keyed for messages as {@code <file>: origins[n]}; problems go to
     * {@code errors}. A file over {@code maxBytes} is refused without being read.
     */
    public static List<RawOrigin> read(Path file, int maxBytes, List<ConfigError> errors) {
        return readAll(file, maxBytes, errors).origins();
    }

    /** The origins and the maintenance keys of {@code file}, from one read of it. */
    public static Content readAll(Path file, int maxBytes, List<ConfigError> errors) {
        String text;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                errors.add(new ConfigError(
                        file.toString(),
                        "the origins file is " + size + " bytes, over the limit of " + maxBytes + " bytes ("
                                + MAX_BYTES_KEY + ")"));
                return new Content(List.of(), Map.of());
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(new ConfigError(file.toString(), "cannot read the origins file: " + e));
            return new Content(List.of(), Map.of());
        }
        Optional<Content> streamed = OriginsFileStream.read(file.toString(), text, maxBytes, errors);
        // anchors, merge keys, tags, another shape, or not valid YAML: the whole document at once
        return streamed.orElseGet(() -> whole(file.toString(), text, maxBytes, errors));
    }

    /** {@code text} loaded as one document, then flattened and grouped (the path for any YAML). */
    static Content whole(String fileName, String text, int maxBytes, List<ConfigError> errors) {
        Map<String, String> flat;
        try {
            flat = YamlFlattener.flatten(parse(text, maxBytes));
        } catch (RuntimeException e) {
            errors.add(new ConfigError(fileName, "not valid YAML: " + yamlProblem(e)));
            return new Content(List.of(), Map.of());
        }
        // flat is sorted already (YamlFlattener): split it in order instead of sorting it again
        Map<String, String> maintenance = new TreeMap<>();
        Map<String, String> rest = new LinkedHashMap<>();
        flat.forEach((k, v) -> (k.startsWith(MAINTENANCE + ".") ? maintenance : rest).put(k, v));
        return new Content(group(fileName, rest, errors), maintenance);
    }

    /** The loaded document; SnakeYAML refuses more than {@code maxBytes} code points. */
    static Object parse(String text, int maxBytes) {
        return yaml(maxBytes).load(text);
    }

    /** Scalars stay text, as in SmallRye's YAML source: {@code 0755}, {@code 1e3} and dates are not numbers here. */
    private static Yaml yaml(int maxBytes) {
        LoaderOptions options = new LoaderOptions();
        // a UTF-8 file has at most as many code points as bytes: the byte limit is the binding one
        options.setCodePointLimit(maxBytes);
        SafeConstructor constructor = new SafeConstructor(options) {
            {
                yamlConstructors.put(Tag.INT, new ConstructYamlStr());
                yamlConstructors.put(Tag.FLOAT, new ConstructYamlStr());
                yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            }
        };
        return new Yaml(constructor);
    }

    /** {@code flat} in key order (as {@link YamlFlattener#flatten} gives it). */
    static List<RawOrigin> group(String fileName, Map<String, String> flat, List<ConfigError> errors) {
        Map<Integer, Map<OriginKey, String>> values = new TreeMap<>();
        Map<Integer, Map<String, String>> headers = new HashMap<>();
        Map<Integer, Map<String, String>> labels = new HashMap<>();
        Map<Integer, Map<String, String>> headerFiles = new HashMap<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            Matcher m = ORIGIN_KEY.matcher(e.getKey());
            if (!m.matches()) {
                if (!e.getKey().equals("origins")) {
                    errors.add(new ConfigError(
                            fileName + ": " + e.getKey(),
                            "unknown key (expected origins[n].<key> or maintenance.windows[n].<key>)"));
                }
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            String rest = m.group(2);
            values.computeIfAbsent(index, i -> new EnumMap<>(OriginKey.class));
            int dot = rest.indexOf('.');
            Optional<OriginKey> map = dot > 0 ? OriginKey.map(rest.substring(0, dot)) : Optional.empty();
            Optional<OriginKey> single = OriginKey.single(rest);
            if (map.isPresent()) {
                Map<Integer, Map<String, String>> target = switch (map.get()) {
                    case HEADERS -> headers;
                    case HEADER_FILES -> headerFiles;
                    default -> labels;
                };
                target.computeIfAbsent(index, i -> new HashMap<>()).put(unquote(rest.substring(dot + 1)), e.getValue());
            } else if (single.isPresent()) {
                values.get(index).put(single.get(), e.getValue());
            } else {
                errors.add(new ConfigError(fileName + ": " + e.getKey(), "unknown key"));
            }
        }
        List<RawOrigin> out = new ArrayList<>();
        values.forEach((i, v) -> out.add(new RawOrigin(
                fileName + ": origins[" + i + "]",
                v,
                headers.getOrDefault(i, Map.of()),
                labels.getOrDefault(i, Map.of()),
                headerFiles.getOrDefault(i, Map.of()))));
        return out;
    }

    /**
     * SnakeYAML's message spans several lines (context, excerpt, caret, problem, mark); keep the
     * problem and where it is, on one line.
     */
    private static String yamlProblem(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        List<String> lines = String.valueOf(t.getMessage()).lines().toList();
        String problem = lines.stream()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .reduce((a, b) -> b)
                .orElse(String.valueOf(t.getMessage()));
        Matcher at = Pattern.compile("line (\\d+), column (\\d+)").matcher(String.join("\n", lines));
        String where = "";
        while (at.find()) {
            where = " (line " + at.group(1) + ", column " + at.group(2) + ")";
        }
        return problem.trim() + where;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
