package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.maintenance.MaintenanceWindow;
import io.originwatch.maintenance.WindowSchedule;
import io.originwatch.maintenance.WindowSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code originwatch.maintenance.windows} through the real mapping (SmallRye, YAML and properties). */
class MaintenanceSettingsTest {

    private static final String P = "originwatch.maintenance.windows";

    private static MaintenanceConfig yaml(String yaml) {
        return mapping(new SmallRyeConfigBuilder().withSources(new YamlConfigSource("test.yaml", yaml, 100)));
    }

    private static MaintenanceConfig properties(Map<String, String> p) {
        return mapping(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(p, "test", 100)));
    }

    private static MaintenanceConfig mapping(SmallRyeConfigBuilder builder) {
        SmallRyeConfig config = builder.withMapping(MaintenanceConfig.class).build();
        return config.getConfigMapping(MaintenanceConfig.class);
    }

    private static List<String> errors(MaintenanceConfig c) {
        List<ConfigError> errors = new ArrayList<>();
        MaintenanceSettings.windows(c, P, WindowSource.CONFIG, new HashMap<>(), errors);
        return errors.stream().map(ConfigError::toString).toList();
    }

    @Test
    void theIssuesExampleMaps() {
        List<ConfigError> errors = new ArrayList<>();
        List<MaintenanceWindow> windows =
                MaintenanceSettings.windows(yaml("""
                        originwatch:
                          maintenance:
                            windows:
                              - name: weekly-patch
                                origins: [shop, "api-*"]
                                comment: kernel patching
                                time-intervals:
                                  - weekdays: ['tuesday']
                                    times: [{start_time: '02:00', end_time: '04:00'}]
                                    location: Europe/Berlin
                              - name: migration
                                labels: {team: web}
                                start: 2026-12-01T02:00:00+01:00
                                end: 2026-12-01T03:30:00.250Z
                        """), P, WindowSource.CONFIG, new HashMap<>(), errors);
        assertThat(errors).isEmpty();
        assertThat(windows).hasSize(2);
        MaintenanceWindow weekly = windows.get(0);
        assertThat(weekly.name()).isEqualTo("weekly-patch");
        assertThat(weekly.comment()).isEqualTo("kernel patching");
        assertThat(weekly.selector().names()).containsExactly("shop", "api-*");
        assertThat(weekly.covers("api-eu", Map.of(), Instant.parse("2026-12-01T01:00:00Z")))
                .isTrue();
        assertThat(weekly.covers("api-eu", Map.of(), Instant.parse("2026-12-01T03:00:00Z")))
                .isFalse();
        MaintenanceWindow migration = windows.get(1);
        assertThat(migration.schedule())
                .isEqualTo(new WindowSchedule.OneOff(
                        Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T03:30:00.250Z")));
        assertThat(migration.selector().labels()).containsEntry("team", "web");
    }

    @Test
    void theEveryDayFormMapsAndTheEmptyIntervalSetsNoKey() {
        List<ConfigError> errors = new ArrayList<>();
        List<MaintenanceWindow> windows =
                MaintenanceSettings.windows(yaml("""
                        originwatch:
                          maintenance:
                            windows:
                              - name: always
                                origins: [lab-*]
                                time-intervals: [{weekdays: ['monday:sunday']}]
                        """), P, WindowSource.CONFIG, new HashMap<>(), errors);
        assertThat(errors).isEmpty();
        assertThat(windows.get(0).covers("lab-x", Map.of(), Instant.parse("2026-12-06T12:00:00Z")))
                .isTrue();
        // Alertmanager's "always" is [{}]; SmallRye's YAML source produces no property for it
        assertThat(errors(yaml("""
                        originwatch:
                          maintenance:
                            windows:
                              - name: always
                                origins: [lab-*]
                                time-intervals: [{}]
                        """)))
                .containsExactly(P + "[0].time-intervals: required (or a one-off start and end); an empty"
                        + " interval [{}] sets no key, write [{weekdays: ['monday:sunday']}] for always");
    }

    @Test
    void everyErrorNamesItsKey() {
        Map<String, String> p = new HashMap<>();
        p.put(P + "[0].name", "Weekly");
        p.put(P + "[0].origins[0]", "Shop");
        p.put(P + "[0].time-intervals[0].weekdays[0]", "funday");
        p.put(P + "[0].time-intervals[0].days_of_month[0]", "0");
        p.put(P + "[0].time-intervals[0].months[0]", "march:january");
        p.put(P + "[0].time-intervals[0].years[0]", "2022:2020");
        p.put(P + "[0].time-intervals[0].times[0].start_time", "23:00");
        p.put(P + "[0].time-intervals[0].times[0].end_time", "01:00");
        p.put(P + "[0].time-intervals[1].location", "Mars/Olympus_Mons");
        p.put(P + "[1].name", "dup");
        p.put(P + "[1].labels.team", "web");
        p.put(P + "[1].start", "2026-12-01 02:00");
        p.put(P + "[1].end", "2026-12-01T03:00:00Z");
        p.put(P + "[2].name", "dup");
        p.put(P + "[2].origins[0]", "shop");
        p.put(P + "[2].start", "2026-12-01T03:00:00Z");
        p.put(P + "[2].end", "2026-12-01T03:00:00Z");
        p.put(P + "[3].name", "nothing");
        p.put(P + "[3].comment", "who and when are missing");
        p.put(P + "[4].name", "both");
        p.put(P + "[4].origins[0]", "shop");
        p.put(P + "[4].start", "2026-12-01T03:00:00Z");
        p.put(P + "[4].time-intervals[0].weekdays[0]", "monday");
        p.put(P + "[5].name", "half");
        p.put(P + "[5].origins[0]", "shop");
        p.put(P + "[5].start", "2026-12-01T03:00:00Z");
        assertThat(errors(properties(p)))
                .containsExactly(
                        P + "[0].name: must match [a-z0-9._-]+, got \"Weekly\"",
                        P + "[0].origins[0]: must be an origin name or a glob ([a-z0-9._-] with * and ?), got"
                                + " \"Shop\"",
                        P + "[0].time-intervals[0].times[0]: start_time must be before end_time (a range across"
                                + " midnight is two ranges: ...-24:00 and 00:00-...)",
                        P + "[0].time-intervals[0].weekdays[0]: 'funday' in 'funday' is not a weekday"
                                + " (sunday..saturday)",
                        P + "[0].time-intervals[0].days_of_month[0]: '0': 0 is not a day of the month (1..31, or"
                                + " -1..-31 from the end)",
                        P + "[0].time-intervals[0].months[0]: 'march:january': end month is before start month",
                        P + "[0].time-intervals[0].years[0]: '2022:2020': end year is before start year",
                        P + "[0].time-intervals[1].location: unknown time zone 'Mars/Olympus_Mons' (an IANA name"
                                + " such as Europe/Berlin)",
                        P + "[1].start: not an RFC 3339 time with offset (e.g. 2026-12-01T02:00:00+01:00), got"
                                + " \"2026-12-01 02:00\"",
                        P + "[2].name: duplicate name \"dup\", already used by " + P + "[1].name",
                        P + "[2].end: must be after start (2026-12-01T03:00:00Z), got \"2026-12-01T03:00:00Z\"",
                        P + "[3].origins: required (origin names or globs), or labels",
                        P + "[3].time-intervals: required (or a one-off start and end); an empty interval [{}]"
                                + " sets no key, write [{weekdays: ['monday:sunday']}] for always",
                        P + "[4]: time-intervals and start/end exclude each other; give one",
                        P + "[5].end: required with start");
    }
}
