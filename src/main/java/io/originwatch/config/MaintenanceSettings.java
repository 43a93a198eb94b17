package io.originwatch.config;

import io.originwatch.maintenance.DayField;
import io.originwatch.maintenance.InclusiveRange;
import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.maintenance.OriginSelector;
import io.originwatch.maintenance.TimeInterval;
import io.originwatch.maintenance.TimeRange;
import io.originwatch.maintenance.WindowSchedule;
import io.originwatch.maintenance.WindowSource;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link MaintenanceConfig} (from the main config or the origins file) as {@link MaintenanceWindow}s.
 * Every problem goes to the caller's {@link ConfigError} list, named by its full key; a window with
 * an error is left out.
 */
public final class MaintenanceSettings {

    /** Origin names, with {@code *} and {@code ?} for globs. */
    private static final Pattern ORIGIN_GLOB = Pattern.compile("[a-z0-9._*?-]+");

    /** SmallRye's "does not map to any root" names the key first. */
    private static final Pattern UNKNOWN_KEY = Pattern.compile("SRCFG00050: (\\S+) in ");

    private MaintenanceSettings() {}

    /** The main config's windows ({@code originwatch.maintenance.windows}). */
    public static List<MaintenanceWindow> fromConfig(
            MaintenanceConfig config, Map<String, String> takenNames, List<ConfigError> errors) {
        return windows(config, "originwatch.maintenance.windows", WindowSource.CONFIG, takenNames, errors);
    }

    /**
     * The origins file's windows: its top-level {@code maintenance} as flat keys
     * ({@link OriginsFileReader.Content#maintenance}), mapped by the same {@link MaintenanceConfig}
     * as the main config, so both accept the same spelling. Keys are named {@code <file>: maintenance...}.
     */
    public static List<MaintenanceWindow> fromFile(
            String fileName, Map<String, String> flat, Map<String, String> takenNames, List<ConfigError> errors) {
        if (flat.isEmpty()) {
            return List.of();
        }
        MaintenanceConfig config;
        try {
            config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(flat, fileName, 100))
                    .withMapping(MaintenanceConfig.class, OriginsFileReader.MAINTENANCE)
                    .build()
                    .getConfigMapping(MaintenanceConfig.class, OriginsFileReader.MAINTENANCE);
        } catch (ConfigValidationException e) {
            // SmallRye's problems come in no fixed order: sorted by key, a message reads the same every time
            List<ConfigError> problems = new ArrayList<>();
            for (int i = 0; i < e.getProblemCount(); i++) {
                String message = e.getProblem(i).getMessage();
                Matcher m = UNKNOWN_KEY.matcher(message);
                problems.add(
                        m.find()
                                ? new ConfigError(fileName + ": " + m.group(1), "unknown key")
                                : new ConfigError(fileName + ": " + OriginsFileReader.MAINTENANCE, message));
            }
            problems.sort(java.util.Comparator.comparing(ConfigError::toString));
            errors.addAll(problems);
            return List.of();
        } catch (RuntimeException e) {
            errors.add(
                    new ConfigError(fileName + ": " + OriginsFileReader.MAINTENANCE, String.valueOf(e.getMessage())));
            return List.of();
        }
        return windows(
                config,
                fileName + ": " + OriginsFileReader.MAINTENANCE + ".windows",
                WindowSource.ORIGINS_FILE,
                takenNames,
                errors);
    }

    /**
     * @param prefix     the key of the windows list for messages ({@code originwatch.maintenance.windows}
     *                   or {@code <file>: maintenance.windows})
     * @param takenNames window name to the key that first used it (shared between the two sources)
     */
    public static List<MaintenanceWindow> windows(
            MaintenanceConfig config,
            String prefix,
            WindowSource source,
            Map<String, String> takenNames,
            List<ConfigError> errors) {
        List<MaintenanceConfig.Window> list = config.windows().orElse(List.of());
        List<MaintenanceWindow> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            window(list.get(i), prefix + "[" + i + "]", source, takenNames, errors)
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Optional<MaintenanceWindow> window(
            MaintenanceConfig.Window w,
            String key,
            WindowSource source,
            Map<String, String> takenNames,
            List<ConfigError> errors) {
        int before = errors.size();
        String name = name(w, key, takenNames, errors);
        List<String> origins = w.origins().orElse(List.of());
        for (int i = 0; i < origins.size(); i++) {
            if (!ORIGIN_GLOB.matcher(origins.get(i)).matches()) {
                errors.add(new ConfigError(
                        key + ".origins[" + i + "]",
                        "must be an origin name or a glob ([a-z0-9._-] with * and ?), got "
                                + ConfigValues.quoted(origins.get(i))));
            }
        }
        if (origins.isEmpty() && w.labels().isEmpty()) {
            errors.add(new ConfigError(key + ".origins", "required (origin names or globs), or labels"));
        }
        WindowSchedule schedule = schedule(w, key, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceWindow(
                name, new OriginSelector(origins, w.labels()), w.comment().orElse(""), schedule, source));
    }

    private static String name(
            MaintenanceConfig.Window w, String key, Map<String, String> takenNames, List<ConfigError> errors) {
        String name = w.name().map(String::strip).orElse("");
        if (name.isEmpty()) {
            errors.add(new ConfigError(key + ".name", "required"));
        } else if (!MaintenanceWindow.NAME.matcher(name).matches()) {
            errors.add(new ConfigError(key + ".name", "must match [a-z0-9._-]+, got " + ConfigValues.quoted(name)));
        } else {
            String first = takenNames.putIfAbsent(name, key + ".name");
            if (first != null) {
                errors.add(new ConfigError(
                        key + ".name", "duplicate name " + ConfigValues.quoted(name) + ", already used by " + first));
            }
        }
        return name;
    }

    private static WindowSchedule schedule(MaintenanceConfig.Window w, String key, List<ConfigError> errors) {
        boolean oneOff = w.start().isPresent() || w.end().isPresent();
        if (w.timeIntervals().isPresent() && oneOff) {
            errors.add(new ConfigError(key, "time-intervals and start/end exclude each other; give one"));
            return null;
        }
        if (oneOff) {
            return oneOff(w, key, errors);
        }
        if (w.timeIntervals().isEmpty()) {
            errors.add(new ConfigError(
                    key + ".time-intervals",
                    "required (or a one-off start and end); an empty interval [{}] sets no key,"
                            + " write [{weekdays: ['monday:sunday']}] for always"));
            return null;
        }
        List<MaintenanceConfig.Interval> raw = w.timeIntervals().get();
        List<TimeInterval> intervals = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            intervals.add(interval(raw.get(i), key + ".time-intervals[" + i + "]", errors));
        }
        return intervals.contains(null) ? null : new WindowSchedule.Recurring(intervals);
    }

    private static WindowSchedule oneOff(MaintenanceConfig.Window w, String key, List<ConfigError> errors) {
        Instant start = instant(w.start(), key + ".start", errors);
        Instant end = instant(w.end(), key + ".end", errors);
        if (start == null || end == null) {
            return null;
        }
        if (!end.isAfter(start)) {
            errors.add(new ConfigError(
                    key + ".end",
                    "must be after start (" + w.start().orElseThrow().strip() + "), got "
                            + ConfigValues.quoted(w.end().orElseThrow())));
            return null;
        }
        return new WindowSchedule.OneOff(start, end);
    }

    private static Instant instant(Optional<String> text, String key, List<ConfigError> errors) {
        if (text.isEmpty()) {
            errors.add(new ConfigError(key, "required with " + (key.endsWith(".start") ? "end" : "start")));
            return null;
        }
        try {
            return OffsetDateTime.parse(text.get().strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new ConfigError(
                    key,
                    "not an RFC 3339 time with offset (e.g. 2026-12-01T02:00:00+01:00), got "
                            + ConfigValues.quoted(text.get())));
            return null;
        }
    }

    /** Null when any field has an error (each reported). */
    private static TimeInterval interval(MaintenanceConfig.Interval in, String key, List<ConfigError> errors) {
        int before = errors.size();
        List<TimeRange> times = null;
        if (in.times().isPresent()) {
            times = new ArrayList<>();
            List<MaintenanceConfig.Times> raw = in.times().get();
            for (int i = 0; i < raw.size(); i++) {
                try {
                    times.add(TimeRange.parse(
                            raw.get(i).startTime().orElse(null),
                            raw.get(i).endTime().orElse(null)));
                } catch (IllegalArgumentException e) {
                    errors.add(new ConfigError(key + ".times[" + i + "]", e.getMessage()));
                }
            }
        }
        List<InclusiveRange> weekdays = ranges(in.weekdays(), DayField.WEEKDAYS, key, errors);
        List<InclusiveRange> days = ranges(in.daysOfMonth(), DayField.DAYS_OF_MONTH, key, errors);
        List<InclusiveRange> months = ranges(in.months(), DayField.MONTHS, key, errors);
        List<InclusiveRange> years = ranges(in.years(), DayField.YEARS, key, errors);
        ZoneId location = null;
        if (in.location().isPresent()) {
            try {
                location = TimeInterval.location(in.location().get());
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigError(key + ".location", e.getMessage()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new TimeInterval(times, weekdays, days, months, years, location);
    }

    private static List<InclusiveRange> ranges(
            Optional<List<String>> values, DayField field, String key, List<ConfigError> errors) {
        if (values.isEmpty()) {
            return null;
        }
        List<InclusiveRange> out = new ArrayList<>();
        List<String> list = values.get();
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(field.parse(list.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigError(key + "." + field.key() + "[" + i + "]", e.getMessage()));
            }
        }
        return out;
    }
}
