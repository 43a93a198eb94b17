package io.originwatch.maintenance;

import java.util.Locale;

/** Where a maintenance window comes from: the main config, the origins file, or the runtime API. */
public enum WindowSource {
    CONFIG,
    ORIGINS_FILE,
    RUNTIME;

    /** {@code config}, {@code origins-file}, {@code runtime}: as the API shows it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
