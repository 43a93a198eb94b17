package io.originwatch.maintenance;

import static io.originwatch.maintenance.Intervals.interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceCalendarTest {

    private static final Instant TUESDAY_0300_BERLIN = Instant.parse("2026-12-01T02:00:00Z");

    private static MaintenanceWindow weeklyPatch(OriginSelector selector, WindowSource source) {
        return new MaintenanceWindow(
                "weekly-patch",
                selector,
                "kernel patching",
                new WindowSchedule.Recurring(List.of(interval()
                        .weekdays("tuesday")
                        .times("02:00", "04:00")
                        .location("Europe/Berlin")
                        .build())),
                source);
    }

    @Test
    void namesGlobsAndLabelsSelectOrigins() {
        OriginSelector names = new OriginSelector(List.of("shop", "api-*"), Map.of());
        assertThat(names.matches("shop", Map.of())).isTrue();
        assertThat(names.matches("api-eu", Map.of())).isTrue();
        assertThat(names.matches("api", Map.of())).isFalse();
        assertThat(names.matches("shop2", Map.of())).isFalse();
        OriginSelector q = new OriginSelector(List.of("edge-?"), Map.of());
        assertThat(q.matches("edge-1", Map.of())).isTrue();
        assertThat(q.matches("edge-10", Map.of())).isFalse();
        OriginSelector labels = new OriginSelector(List.of(), Map.of("team", "web"));
        assertThat(labels.matches("any", Map.of("team", "web", "tier", "1"))).isTrue();
        assertThat(labels.matches("any", Map.of("team", "db"))).isFalse();
        OriginSelector both = new OriginSelector(List.of("api-*"), Map.of("team", "web"));
        assertThat(both.matches("api-eu", Map.of("team", "web"))).isTrue();
        assertThat(both.matches("api-eu", Map.of())).isFalse();
        assertThat(both.matches("shop", Map.of("team", "web"))).isFalse();
        assertThat(OriginSelector.glob("a.b*", "axb")).isFalse();
    }

    @Test
    void statusNamesTheWindowAndWhenItCloses() {
        MaintenanceCalendar c = new MaintenanceCalendar();
        c.configure(
                WindowSource.CONFIG,
                List.of(weeklyPatch(new OriginSelector(List.of("shop"), Map.of()), WindowSource.CONFIG)));
        MaintenanceStatus s = c.status("shop", Map.of(), TUESDAY_0300_BERLIN);
        assertThat(s)
                .isEqualTo(new MaintenanceStatus(
                        true,
                        "weekly-patch",
                        WindowSource.CONFIG,
                        Instant.parse("2026-12-01T03:00:00Z"),
                        "kernel patching"));
        assertThat(c.covers("shop", Map.of(), TUESDAY_0300_BERLIN)).isTrue();
        assertThat(c.status("other", Map.of(), TUESDAY_0300_BERLIN)).isEqualTo(MaintenanceStatus.NONE);
        assertThat(c.covers("shop", Map.of(), Instant.parse("2026-12-01T03:00:00Z")))
                .isFalse();
    }

    @Test
    void reconfiguringASourceNeverEndsARuntimeWindow() {
        MaintenanceCalendar c = new MaintenanceCalendar();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        c.startRuntime("shop", Duration.ofMinutes(30), "deploy 123", now);
        c.configure(WindowSource.CONFIG, List.of());
        c.configure(WindowSource.ORIGINS_FILE, List.of());
        MaintenanceStatus s = c.status("shop", Map.of(), now.plusSeconds(60));
        assertThat(s.active()).isTrue();
        assertThat(s.window()).isEqualTo("runtime:shop");
        assertThat(s.source()).isEqualTo(WindowSource.RUNTIME);
        assertThat(s.until()).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(c.covers("shop", Map.of(), now.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void aRuntimeWindowEndsOnRequestAndIsReplacedByANewOne() {
        MaintenanceCalendar c = new MaintenanceCalendar();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        c.startRuntime("shop", Duration.ofMinutes(30), "deploy 1", now);
        c.startRuntime("shop", Duration.ofHours(2), "deploy 2", now);
        assertThat(c.windows(now))
                .singleElement()
                .extracting(MaintenanceWindow::comment)
                .isEqualTo("deploy 2");
        assertThat(c.endRuntime("shop", now)).isTrue();
        assertThat(c.covers("shop", Map.of(), now)).isFalse();
        assertThat(c.endRuntime("shop", now)).isFalse();
    }

    @Test
    void aRuntimeWindowIsAtMost24Hours() {
        MaintenanceCalendar c = new MaintenanceCalendar();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(c.startRuntime("shop", Duration.ofHours(24), "", now).schedule())
                .isEqualTo(new WindowSchedule.OneOff(now, now.plus(Duration.ofHours(24))));
        assertThatThrownBy(() -> c.startRuntime("shop", Duration.ofHours(24).plusMillis(1), "", now))
                .hasMessage("duration must be at most 24h, got PT24H0.001S");
        assertThatThrownBy(() -> c.startRuntime("shop", Duration.ZERO, "", now))
                .hasMessage("duration must be positive, got PT0S");
    }

    @Test
    void finishedRuntimeWindowsAreNotListed() {
        MaintenanceCalendar c = new MaintenanceCalendar();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        c.startRuntime("shop", Duration.ofMinutes(5), "", now);
        assertThat(c.windows(now.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void ofTwoOpenWindowsStatusNamesTheOneThatStaysOpenLonger() {
        MaintenanceCalendar c = new MaintenanceCalendar();
        c.configure(
                WindowSource.ORIGINS_FILE,
                List.of(weeklyPatch(new OriginSelector(List.of(), Map.of("team", "web")), WindowSource.ORIGINS_FILE)));
        c.startRuntime("shop", Duration.ofHours(3), "long deploy", TUESDAY_0300_BERLIN);
        MaintenanceStatus s = c.status("shop", Map.of("team", "web"), TUESDAY_0300_BERLIN.plusSeconds(1));
        assertThat(s.window()).isEqualTo("runtime:shop");
        c.startRuntime("shop", Duration.ofMinutes(10), "short deploy", TUESDAY_0300_BERLIN);
        s = c.status("shop", Map.of("team", "web"), TUESDAY_0300_BERLIN.plusSeconds(1));
        assertThat(s.window()).isEqualTo("weekly-patch");
        assertThat(s.source()).isEqualTo(WindowSource.ORIGINS_FILE);
    }

    @Test
    void aSourceTakesOnlyItsOwnWindows() {
        MaintenanceCalendar c = new MaintenanceCalendar();
        MaintenanceWindow fromFile =
                weeklyPatch(new OriginSelector(List.of("shop"), Map.of()), WindowSource.ORIGINS_FILE);
        assertThatThrownBy(() -> c.configure(WindowSource.CONFIG, List.of(fromFile)))
                .hasMessage("window weekly-patch is from origins-file");
    }
}
