package io.originwatch.alert;

import io.originwatch.classify.Cause;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * When alerts fire and how severe they are: default thresholds, per-origin overrides, and a
 * severity per cause (a cause without an entry gets {@link #defaultSeverity(Cause)}).
 */
public record AlertPolicy(Thresholds defaults, Map<String, Thresholds> perOrigin, Map<Cause, String> severity) {

    public static final String CRITICAL = "critical";
    public static final String WARNING = "warning";
    public static final AlertPolicy DEFAULT = new AlertPolicy(Thresholds.DEFAULT, Map.of(), Map.of());

    public AlertPolicy {
        Objects.requireNonNull(defaults, "defaults");
        perOrigin = Map.copyOf(perOrigin);
        EnumMap<Cause, String> copy = new EnumMap<>(Cause.class);
        copy.putAll(severity);
        severity = copy;
    }

    public Thresholds thresholdsFor(String origin) {
        return perOrigin.getOrDefault(origin, defaults);
    }

    public String severityOf(Cause cause) {
        return severity.getOrDefault(cause, defaultSeverity(cause));
    }

    /** Every 52x cause is critical (users see an error page); a passed-through status is a warning. */
    public static String defaultSeverity(Cause cause) {
        return cause.fixedEdgeStatus() == 0 ? WARNING : CRITICAL;
    }
}
