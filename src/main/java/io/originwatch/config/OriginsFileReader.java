package io.originwatch.config;

import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the origins file: YAML with one top-level key {@code origins}, a list of origins with the
 * same keys as {@code originwatch.origins[n]}. SmallRye's YAML source flattens it exactly as it
 * flattens application.yaml, so both forms accept the same spelling. Unknown keys are errors here
 * (a typo in a ConfigMap should not silently fall back to a default).
 */
public final class OriginsFileReader {

    private static final Pattern ORIGIN_KEY = Pattern.compile("origins\\[(\\d+)]\\.(.+)");

    private OriginsFileReader() {}

    /** Raw origins of {@code file}, keyed for messages as {@code <file>: origins[n]}; problems go to {@code errors}. */
    public static List<RawOrigin> read(Path file, List<ConfigError> errors) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(new ConfigError(file.toString(), "cannot read the origins file: " + e));
            return List.of();
        }
        Map<String, String> flat;
        try {
            flat = new YamlConfigSource(file.toString(), text, 0).getProperties();
        } catch (RuntimeException e) {
            errors.add(new ConfigError(file.toString(), "not valid YAML: " + yamlProblem(e)));
            return List.of();
        }
        return group(file.toString(), flat, errors);
    }

    private static List<RawOrigin> group(String fileName, Map<String, String> flat, List<ConfigError> errors) {
        Map<Integer, Map<OriginKey, String>> values = new TreeMap<>();
        Map<Integer, Map<String, String>> headers = new HashMap<>();
        Map<Integer, Map<String, String>> labels = new HashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(flat).entrySet()) {
            Matcher m = ORIGIN_KEY.matcher(e.getKey());
            if (!m.matches()) {
                if (!e.getKey().equals("origins")) {
                    errors.add(
                            new ConfigError(fileName + ": " + e.getKey(), "unknown key (expected origins[n].<key>)"));
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
                Map<Integer, Map<String, String>> target = map.get() == OriginKey.HEADERS ? headers : labels;
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
                labels.getOrDefault(i, Map.of()))));
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
