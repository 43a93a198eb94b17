package io.originwatch.alert;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GitHub-style heading anchors of a Markdown file, and the anchors a templated runbook_url can take. */
final class RunbookAnchors {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);
    private static final String CAUSE_TEMPLATE = "{{ $labels.cause }}";
    private static final Pattern CAUSE_MATCHER = Pattern.compile("cause=~?\"([a-z0-9_|]+)\"");

    private RunbookAnchors() {}

    /** Anchors as GitHub renders them: lower case, punctuation except - and _ dropped, spaces to -. */
    static Set<String> of(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            anchors.add(slug(m.group(1)));
        }
        return anchors;
    }

    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    /** A {@code {{ $labels.cause }}} anchor stands for every cause the alert's expression matches. */
    static List<String> expand(String anchor, String expr) {
        if (!anchor.contains(CAUSE_TEMPLATE)) {
            return List.of(anchor);
        }
        Matcher m = CAUSE_MATCHER.matcher(expr);
        if (!m.find()) {
            throw new AssertionError("runbook anchor uses the cause label but the expression names no cause: " + expr);
        }
        return List.of(m.group(1).split("\\|")).stream()
                .map(c -> anchor.replace(CAUSE_TEMPLATE, c))
                .toList();
    }
}
