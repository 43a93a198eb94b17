package io.originwatch.discovery;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shell-style globs on DNS names, case-insensitive: {@code *} matches any run of characters (dots
 * included, so {@code *.example.com} matches {@code a.b.example.com}), {@code ?} one character.
 */
public final class Globs {

    private final List<Pattern> patterns;

    public Globs(List<String> globs) {
        this.patterns = globs.stream().map(Globs::compile).toList();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public boolean matches(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(n).matches());
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
