package io.originwatch.config;

import io.originwatch.origin.Origin;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a re-read origins file may replace the origins it brought. A ConfigMap emptied by a bad
 * template, or a truncated file, would otherwise stop every origin and resolve every alert. Refused,
 * unless {@code originwatch.origins-file-allow-mass-removal=true}:
 * <ol>
 * <li>a file that lists no origins (empty, {@code origins: []}) while origins from it run;</li>
 * <li>a file that removes more than half of the origins it brought ({@link #MAX_REMOVED_SHARE}).</li>
 * </ol>
 * Renames count as a removal plus an addition.
 */
public final class OriginsFileGuard {

    public static final double MAX_REMOVED_SHARE = 0.5;

    private OriginsFileGuard() {}

    /** Why the new list is refused, or empty when it may be applied. */
    public static Optional<String> refusal(Collection<String> running, List<Origin> next, boolean allowMassRemoval) {
        if (allowMassRemoval || running.isEmpty()) {
            return Optional.empty();
        }
        if (next.isEmpty()) {
            return Optional.of("the file lists no origins, which would stop all " + running.size()
                    + " running from it; set originwatch.origins-file-allow-mass-removal=true to allow that");
        }
        Set<String> kept = new HashSet<>();
        next.forEach(o -> kept.add(o.name()));
        long removed = running.stream().filter(n -> !kept.contains(n)).count();
        if (removed > running.size() * MAX_REMOVED_SHARE) {
            return Optional.of("the file would remove " + removed + " of the " + running.size()
                    + " origins running from it (more than half); set"
                    + " originwatch.origins-file-allow-mass-removal=true to allow that");
        }
        return Optional.empty();
    }
}
