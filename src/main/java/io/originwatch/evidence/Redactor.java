package io.originwatch.evidence;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which header values never leave the daemon: the credentials and session headers below always,
 * plus configured names. The name stays visible (it is part of the story), the value does not.
 */
public final class Redactor {

    /** Always redacted, whatever the configuration says. */
    public static final Set<String> ALWAYS = Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");

    /** What a redacted value becomes in a HAR. */
    public static final String REDACTED = "[redacted]";

    /** What a redacted value becomes in a curl line: a placeholder to fill in by hand. */
    public static final String PLACEHOLDER = "<redacted>";

    private final Set<String> names;

    /** @param extraNames configured header names, any case */
    public Redactor(Collection<String> extraNames) {
        TreeSet<String> all = new TreeSet<>(ALWAYS);
        for (String n : extraNames) {
            if (n != null && !n.isBlank()) {
                all.add(n.strip().toLowerCase(Locale.ROOT));
            }
        }
        this.names = Set.copyOf(all);
    }

    public static Redactor defaults() {
        return new Redactor(Set.of());
    }

    public boolean redacts(String headerName) {
        return names.contains(headerName.strip().toLowerCase(Locale.ROOT));
    }

    /** The value to show for this header in a HAR. */
    public String harValue(String headerName, String value) {
        return redacts(headerName) ? REDACTED : value;
    }

    /** Lower-case names redacted, for the docs and the summary. */
    public Set<String> names() {
        return names;
    }
}
