package io.originwatch.alert;

import io.originwatch.classify.Cause;
import io.originwatch.probe.Phase;
import io.originwatch.probe.PhaseTimings;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The alert state file ({@code <state-dir>/alert-state.tsv}): what {@link AlertTracker} must remember
 * across a restart, one origin per line. Rules:
 * <ol>
 * <li>Text, UTF-8: a header line {@value #HEADER}, then per origin tab-separated fields, each
 *     percent-encoded (so no tab or line break can occur inside one): origin, failures, successes,
 *     failingSince ({@code -} when none) and, for a firing alert, cause, edge status, severity,
 *     probedAt, startsAt, detail, timings ({@code phase=nanos} joined by {@code ,}) and labels
 *     ({@code name=value} joined by {@code &}).</li>
 * <li>Written atomically: to a temporary file in the same directory, then renamed over the old one,
 *     so a crash mid-write leaves the previous file, never half a file.</li>
 * <li>Bounded: a detail is cut to {@link #MAX_DETAIL_CHARS}; firing alerts are written first and the
 *     file stops before {@link #MAX_BYTES} (origins left out are logged by the caller and start
 *     from nothing); a larger file is refused when read.</li>
 * <li>Any problem reading it (missing header, a bad field, an unknown cause after a downgrade, the
 *     size) is one {@link Unreadable} naming the line: the caller logs it and starts without saved
 *     state; it is never fatal.</li>
 * </ol>
 */
public final class AlertStateFile {

    static final String HEADER = "originwatch-alert-state 1";
    public static final String FILE_NAME = "alert-state.tsv";
    /** 16 MiB: about 50,000 firing alerts with long details, far more than any set-up pages on. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    public static final int MAX_DETAIL_CHARS = 1024;

    private AlertStateFile() {}

    /** The saved state could not be read; the message names the file and the line, never a value. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** What {@link #write} wrote: origins saved and origins left out by the size bound. */
    public record Written(int saved, int leftOut) {}

    /** Writes {@code origins} to {@code file} atomically (temp file + rename). */
    public static Written write(Path file, List<SavedOrigin> origins) throws IOException {
        List<SavedOrigin> ordered = new ArrayList<>(origins);
        ordered.sort(Comparator.comparing((SavedOrigin o) -> o.firing() == null).thenComparing(SavedOrigin::origin));
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        int bytes = out.length();
        int saved = 0;
        for (SavedOrigin o : ordered) {
            String line = line(o) + "\n";
            int size = line.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            out.append(line);
            bytes += size;
            saved++;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Written(saved, ordered.size() - saved);
    }

    /** The saved origins of {@code file}; an absent file is no saved state. */
    public static List<SavedOrigin> read(Path file) throws Unreadable {
        List<String> lines;
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new Unreadable(file + " is " + size + " bytes, over the limit of " + MAX_BYTES);
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new Unreadable(file + " line 1: expected \"" + HEADER + "\"");
        }
        List<SavedOrigin> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            try {
                out.add(parse(lines.get(i)));
            } catch (RuntimeException e) {
                throw new Unreadable(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String line(SavedOrigin o) {
        List<String> f = new ArrayList<>();
        f.add(o.origin());
        f.add(Integer.toString(o.failures()));
        f.add(Integer.toString(o.successes()));
        f.add(o.failingSince() == null ? "-" : o.failingSince().toString());
        ActiveAlert a = o.firing();
        if (a != null) {
            f.add(a.cause().label());
            f.add(Integer.toString(a.edgeStatus()));
            f.add(a.severity());
            f.add(a.probedAt().toString());
            f.add(a.startsAt().toString());
            String detail = a.detail();
            f.add(detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) : detail);
            List<String> timings = new ArrayList<>();
            a.timings().byPhase().forEach((p, d) -> timings.add(p.name() + "=" + d.toNanos()));
            f.add(String.join(",", timings));
            List<String> labels = new ArrayList<>();
            a.originLabels().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> labels.add(encode(e.getKey()) + "=" + encode(e.getValue())));
            f.add(String.join("&", labels));
        }
        return String.join("\t", f.stream().map(AlertStateFile::encode).toList());
    }

    private static SavedOrigin parse(String line) {
        String[] raw = line.split("\t", -1);
        if (raw.length != 4 && raw.length != 12) {
            throw new IllegalArgumentException("expected 4 or 12 fields, got " + raw.length);
        }
        String[] f = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            f[i] = URLDecoder.decode(raw[i], StandardCharsets.UTF_8);
        }
        String origin = f[0];
        int failures = count(f[1], "failures");
        int successes = count(f[2], "successes");
        Instant failingSince = f[3].equals("-") ? null : Instant.parse(f[3]);
        ActiveAlert firing = null;
        if (f.length == 12) {
            Cause cause = cause(f[4]);
            Map<Phase, Duration> timings = new EnumMap<>(Phase.class);
            if (!f[10].isEmpty()) {
                for (String t : f[10].split(",")) {
                    String[] kv = t.split("=", 2);
                    timings.put(Phase.valueOf(kv[0]), Duration.ofNanos(Long.parseLong(kv[1])));
                }
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (!f[11].isEmpty()) {
                for (String l : f[11].split("&")) {
                    String[] kv = l.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("a label without '='");
                    }
                    labels.put(
                            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
            firing = new ActiveAlert(
                    origin,
                    labels,
                    cause,
                    Integer.parseInt(f[5]),
                    f[6],
                    f[9],
                    new PhaseTimings(timings),
                    Instant.parse(f[7]),
                    Instant.parse(f[8]));
        }
        return new SavedOrigin(origin, failures, successes, failingSince, firing);
    }

    private static int count(String text, String what) {
        int n = Integer.parseInt(text);
        if (n < 0) {
            throw new IllegalArgumentException(what + " below 0");
        }
        return n;
    }

    private static Cause cause(String label) {
        try {
            Cause c = Cause.valueOf(label.toUpperCase(Locale.ROOT));
            if (c.healthy() || c == Cause.PROBE_ERROR) {
                throw new IllegalArgumentException("cause " + label + " never fires");
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown cause \"" + label + "\"");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
