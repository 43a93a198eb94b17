package io.originwatch.schedule;

import io.originwatch.origin.ProbeRecord;

/** For tests outside this package: records a result into a state as the probe runner does. */
public final class Probes {

    private Probes() {}

    public static void record(OriginState state, ProbeRecord record) {
        synchronized (state) {
            state.record(record);
        }
    }
}
