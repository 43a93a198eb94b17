package io.originwatch.maintenance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which origins a window covers: names or globs ({@code *} any run of characters, {@code ?} one),
 * and/or labels that must all be equal. With both, an origin must match both (names and labels
 * narrow each other); at least one must be given.
 *
 * @param names  origin names or globs; empty = any name
 * @param labels label values the origin must carry; empty = any labels
 */
public record OriginSelector(List<String> names, Map<String, String> labels) {

    public OriginSelector {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
        if (names.isEmpty() && labels.isEmpty()) {
            throw new IllegalArgumentException("names or labels must be given");
        }
    }

    /** Exactly one origin, by name (a runtime window); origin names never contain glob characters. */
    public static OriginSelector origin(String name) {
        return new OriginSelector(List.of(Objects.requireNonNull(name, "name")), Map.of());
    }

    public boolean matches(String origin, Map<String, String> originLabels) {
        return (names.isEmpty() || names.stream().anyMatch(n -> glob(n, origin)))
                && labels.entrySet().stream().allMatch(e -> e.getValue().equals(originLabels.get(e.getKey())));
    }

    static boolean glob(String glob, String name) {
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
            return glob.equals(name);
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.matches(regex.toString(), name);
    }
}
