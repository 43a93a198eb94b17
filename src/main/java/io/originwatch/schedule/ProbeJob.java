package io.originwatch.schedule;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one origin. It only hands the probe to {@link ProbeRunner} (a virtual thread)
 * and returns, so Quartz's few worker threads are never blocked by a slow origin. A CDI bean so
 * Quarkus' job factory injects it.
 *
 * <p>Not {@code @DisallowConcurrentExecution}: the job itself lasts microseconds, and what must not
 * overlap is the probe, which {@link ProbeRunner} guards per origin. Quartz's flag would only add
 * work to every fire: its job store blocks the job's triggers, then unblocks them and signals the
 * scheduler thread when the (instant) job returns.
 *
 * <p>A {@code @Singleton} (it keeps no state): Quarkus' job factory looks the bean up on every fire,
 * and a {@code @Dependent} job was created, injected and destroyed each time (Arc's destroy walks
 * the singleton context's instances through a stream): about 110 MB per 40 s at 1,000 probes/s in
 * the allocation profile (bench/README.md).
 */
@Singleton
public class ProbeJob implements Job {

    @Inject
    ProbeRunner runner;

    @Override
    public void execute(JobExecutionContext context) {
        // the job is named after its origin (ProbeScheduler); reading the name allocates nothing, where
        // getMergedJobDataMap() built a new map on every fire
        String origin = context.getJobDetail().getKey().getName();
        runner.scheduled(origin, context.getScheduledFireTime().toInstant());
    }
}
