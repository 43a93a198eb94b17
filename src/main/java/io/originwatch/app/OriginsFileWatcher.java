package io.originwatch.app;

import io.originwatch.config.ConfigError;
import io.originwatch.config.InvalidConfigException;
import io.originwatch.config.OriginsFileGuard;
import io.originwatch.config.SettingsLoader;
import io.originwatch.maintenance.WindowSource;
import io.originwatch.metrics.ConfigMetrics;
import io.originwatch.origin.Origin;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.OriginState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Re-reads the origins file when it changes and applies it as a whole. Watches the file's
 * directory, not the file: a Kubernetes ConfigMap update swaps the {@code ..data} symlink in that
 * directory and never writes the file itself. Any event, and a poll every {@link #POLL} as a
 * fallback (events can be lost, or the file system may not deliver them), re-reads the file through
 * its path; only a content change (SHA-256) triggers a reload, so an invalid file is reported once.
 * A poll without an event hashes the file only when its {@link Stamp} (size, modification time,
 * file key) moved, and every {@link #HASH_EVERY}th poll regardless, for file systems whose
 * timestamps are coarse: a 100,000-origin file is 9 MB to hash.
 */
@ApplicationScoped
public class OriginsFileWatcher {

    static final Duration POLL = Duration.ofSeconds(2);
    /** A poll hashes the file at least this often (once a minute) even when its stamp did not move. */
    static final int HASH_EVERY = 30;

    private static final Logger LOG = Logger.getLogger(OriginsFileWatcher.class);

    @Inject
    SettingsLoader loader;

    @Inject
    OriginRegistry registry;

    @Inject
    MaintenanceService maintenance;

    @Inject
    ConfigMetrics metrics;

    /**
     * The origins file's last load as the console shows it: {@code outcome} is {@code loaded at start},
     * {@code applied}, {@code refused} (the mass-removal guard) or {@code rejected} (invalid), and
     * {@code detail} says what changed or why it was not applied.
     */
    public record Reload(Path file, Instant at, String outcome, String detail) {
        public boolean failed() {
            return outcome.equals("refused") || outcome.equals("rejected");
        }
    }

    private volatile Reload last;
    private volatile boolean running;
    private Thread thread;
    private WatchService watch;
    private byte[] lastDigest;
    private Stamp lastStamp;
    private int quietPolls;
    private int hashes;

    /**
     * What a poll compares before it hashes the file: the size, modification time and file key
     * (device and inode on Linux) of the file the path leads to, links followed; null when it cannot
     * be read. A ConfigMap update is a new file behind the same path, so its key differs.
     */
    record Stamp(long size, FileTime modified, Object key) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Starts watching; {@code file}'s current content is the one already applied at start-up. */
    public synchronized void start(Path file) {
        metrics.watchingOriginsFile();
        last = new Reload(file, Instant.now(), "loaded at start", registry.size() + " origin(s) scheduled");
        running = true;
        try {
            watch = FileSystems.getDefault().newWatchService();
            file.toAbsolutePath()
                    .getParent()
                    .register(
                            watch,
                            StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            LOG.warnf("cannot watch %s (%s); polling every %ds instead", file.getParent(), e, POLL.toSeconds());
            watch = null;
        }
        // the first hash on the watcher's thread, not on the start-up path (about 0.3 s for a cold
        // SHA-256 of a 9 MB file of 100,000 origins); check() waits for it on the lock
        thread = Thread.ofPlatform().daemon().name("originwatch-origins-file").start(() -> {
            baseline(file);
            loop(file);
        });
    }

    /** The content already applied: what the first change is compared against. */
    synchronized void baseline(Path file) {
        lastStamp = Stamp.of(file);
        lastDigest = hash(file);
    }

    private byte[] hash(Path file) {
        hashes++;
        return digest(file);
    }

    /** How many times this watcher hashed the file (for the poll's test). */
    synchronized int hashes() {
        return hashes;
    }

    private void loop(Path file) {
        long nextPoll = System.nanoTime() + POLL.toNanos();
        while (running) {
            try {
                boolean event = false;
                boolean relevant = true;
                if (watch != null) {
                    WatchKey key = watch.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        relevant = key.pollEvents().stream().anyMatch(ev -> concerns(file, ev));
                        event = relevant;
                        key.reset();
                    }
                } else {
                    Thread.sleep(POLL.toMillis());
                }
                // the poll is a fallback for lost events, so it also runs while unrelated events stream in
                if (relevant || System.nanoTime() - nextPoll >= 0) {
                    nextPoll = System.nanoTime() + POLL.toNanos();
                    check(file, event);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "origins file watcher: unexpected error, continuing");
            }
        }
    }

    /**
     * Whether a directory event may have changed {@code file}: an event on the file itself, on a
     * Kubernetes ConfigMap's {@code ..data} link or timestamped {@code ..2026_...} directory, or an
     * overflow. Other files in the directory (a log written beside the origins file, say) would
     * otherwise cost a re-read and a hash of the whole file per write.
     */
    private static boolean concerns(Path file, WatchEvent<?> event) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path name)) {
            return true;
        }
        return name.equals(file.getFileName()) || name.toString().startsWith("..");
    }

    /**
     * Re-reads {@code file} and applies it if its content changed; a poll ({@code event} false) first
     * compares the file's {@link Stamp}, so an unchanged file is not hashed every {@link #POLL}.
     */
    synchronized void check(Path file, boolean event) {
        Stamp stamp = Stamp.of(file);
        if (!event && stamp != null && stamp.equals(lastStamp) && ++quietPolls < HASH_EVERY) {
            return;
        }
        quietPolls = 0;
        // the stamp before the hash: a write while hashing leaves a stamp the next poll sees as moved
        lastStamp = stamp;
        byte[] d = hash(file);
        if (Arrays.equals(d, lastDigest)) {
            return;
        }
        lastDigest = d;
        try {
            Map<String, String> outside = registry.namesOutside(OriginRegistry.Source.FILE);
            // an origin equal to the running one is kept as it is, not held twice while the file is applied
            SettingsLoader.OriginsFile read = loader.readOriginsFile(
                    file,
                    outside,
                    o -> o.sharing(
                            registry.state(o.name()).map(OriginState::origin).orElse(null)));
            List<Origin> origins = read.origins();
            List<String> running = registry.all().stream()
                    .map(st -> st.origin().name())
                    .filter(n -> !outside.containsKey(n))
                    .toList();
            Optional<String> refusal = OriginsFileGuard.refusal(running, origins, loader.originsFileAllowMassRemoval());
            if (refusal.isPresent()) {
                metrics.reloaded(false);
                last = new Reload(file, Instant.now(), "refused", refusal.get());
                LOG.errorf(
                        "origins file refused, the previous origins keep running: file=%s reason=\"%s\"",
                        file, refusal.get());
                return;
            }
            // windows first: a probe of an added origin must already see them (runtime windows stay)
            maintenance.configure(WindowSource.ORIGINS_FILE, read.windows());
            OriginRegistry.Change c = registry.apply(OriginRegistry.Source.FILE, origins);
            metrics.reloaded(true);
            last = new Reload(
                    file,
                    Instant.now(),
                    "applied",
                    origins.size() + " origin(s): " + c.added() + " added, " + c.removed() + " removed, " + c.changed()
                            + " changed");
            LOG.infof(
                    "origins file reloaded: file=%s origins=%d added=%d removed=%d changed=%d",
                    file, origins.size(), c.added(), c.removed(), c.changed());
        } catch (InvalidConfigException e) {
            metrics.reloaded(false);
            String errors = e.errors().stream().map(ConfigError::toString).collect(Collectors.joining("; "));
            last = new Reload(file, Instant.now(), "rejected", errors);
            LOG.errorf(
                    "origins file rejected, the previous origins keep running: file=%s errors=\"%s\"",
                    file, errors.replace("\"", "\\\""));
        }
    }

    /** The last load of the origins file; empty when no origins file is watched. */
    public Optional<Reload> lastReload() {
        return Optional.ofNullable(last);
    }

    /**
     * SHA-256 of the content, read through a 64 KiB buffer (a whole 100,000-origin file, 9 MB, read
     * every poll was a humongous G1 allocation every 2 s); a missing or unreadable file hashes to a
     * marker, so it counts as a change.
     */
    static byte[] digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return sha.digest();
        } catch (IOException e) {
            return new byte[] {0};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                LOG.debugf("closing the watch service: %s", e);
            }
        }
    }
}
