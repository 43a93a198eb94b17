package io.originwatch.schedule;

import io.originwatch.origin.Origin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
 * One Quartz job and trigger per origin. First runs sit at a stable offset from the origin's name
 * within its interval (aligned to the epoch, so restarts keep the phase), which spreads 10,000
 * origins evenly instead of firing them in one burst. A missed run is skipped (next-with-remaining-
 * count), never replayed in a burst.
 */
@ApplicationScoped
public class ProbeScheduler {

    private static final String GROUP = "originwatch";

    @Inject
    Scheduler quartz;

    public void schedule(Origin origin) {
        // the job's name is the origin's: no job data map (a HashMap per origin, cloned by the job store)
        JobDetail job = JobBuilder.newJob(ProbeJob.class)
                .withIdentity(origin.name(), GROUP)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(origin.name(), GROUP)
                .forJob(job)
                .startAt(Date.from(firstRun(origin.name(), origin.interval(), Instant.now())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(origin.interval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            quartz.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule origin " + origin.name(), e);
        }
    }

    public void unschedule(String name) {
        try {
            quartz.deleteJob(new JobKey(name, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule origin " + name, e);
        }
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
