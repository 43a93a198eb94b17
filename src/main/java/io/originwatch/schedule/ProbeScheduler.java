package io.originwatch.schedule;

import io.originwatch.origin.Origin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * One Quartz job and trigger per origin, added and removed in batches (one job-store lock and one
 * scheduler-thread signal per {@link #BATCH} origins, not per origin). First runs sit at a stable offset from the origin's name
 * within its interval (aligned to the epoch, so restarts keep the phase), which spreads 10,000
 * origins evenly instead of firing them in one burst. A missed run is skipped (next-with-remaining-
 * count), never replayed in a burst.
 */
@ApplicationScoped
public class ProbeScheduler {

    private static final String GROUP = "originwatch";

    @Inject
    Scheduler quartz;

    /**
     * Origins per Quartz call. The job store holds its one lock for a whole call, so a call of
     * 100,000 would keep the scheduler thread from acquiring due triggers for that long; a thousand
     * at a time lets it fire between batches (and the first origins fire while later ones are still
     * being added at start).
     */
    static final int BATCH = 1_000;

    /**
     * Schedules (or replaces, in place: the job store swaps the trigger under its lock, so the origin
     * is never unscheduled in between) every origin of {@code origins}, {@link #BATCH} per call.
     */
    public void scheduleAll(Collection<Origin> origins) {
        Map<JobDetail, Set<? extends Trigger>> batch = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Origin origin : origins) {
            JobDetail job = job(origin.name());
            batch.put(job, Set.of(trigger(origin, job, now)));
            if (batch.size() == BATCH) {
                store(batch);
                batch = new LinkedHashMap<>();
                now = Instant.now();
            }
        }
        if (!batch.isEmpty()) {
            store(batch);
        }
    }

    private void store(Map<JobDetail, Set<? extends Trigger>> batch) {
        try {
            quartz.scheduleJobs(batch, true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "cannot schedule origins "
                            + batch.keySet().iterator().next().getKey().getName() + " and " + (batch.size() - 1)
                            + " more",
                    e);
        }
    }

    /** Unschedules every origin named in {@code names}, {@link #BATCH} per call; unknown names are ignored. */
    public void unscheduleAll(Collection<String> names) {
        List<JobKey> batch = new ArrayList<>(Math.min(names.size(), BATCH));
        for (String name : names) {
            batch.add(new JobKey(name, GROUP));
            if (batch.size() == BATCH) {
                delete(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            delete(batch);
        }
    }

    private void delete(List<JobKey> batch) {
        try {
            quartz.deleteJobs(batch);
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "cannot unschedule origins " + batch.getFirst().getName() + " and " + (batch.size() - 1) + " more",
                    e);
        }
    }

    private static JobDetail job(String name) {
        // the job's name is the origin's: no job data map (a HashMap per origin, cloned by the job store)
        return JobBuilder.newJob(ProbeJob.class).withIdentity(name, GROUP).build();
    }

    /**
     * The origin's trigger: only its name (the phase) and interval go into it. Everything else about
     * the origin is read when it fires ({@link ProbeRunner#scheduled} looks the origin up by name).
     */
    private static Trigger trigger(Origin origin, JobDetail job, Instant now) {
        return TriggerBuilder.newTrigger()
                .withIdentity(origin.name(), GROUP)
                .forJob(job)
                .startAt(Date.from(firstRun(origin.name(), origin.interval(), now)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(origin.interval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Stops firing triggers (shutdown); probes already handed off keep running. */
    public void pause() {
        try {
            quartz.standby();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot put the scheduler in standby", e);
        }
    }

    /**
     * The first fire time after {@code now} that lies {@code offset(name)} into an interval counted
     * from the epoch.
     */
    static Instant firstRun(String name, Duration interval, Instant now) {
        long period = interval.toMillis();
        long offset = offset(name, period);
        long t = now.toEpochMilli();
        long slot = Math.floorDiv(t - offset, period) * period + offset;
        return Instant.ofEpochMilli(slot <= t ? slot + period : slot);
    }

    /** A stable, well-spread offset in [0, period) from the name (CRC32 spreads similar names). */
    static long offset(String name, long periodMillis) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(crc.getValue(), periodMillis);
    }
}
