package io.originwatch.testing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Stands in for another area's mapping under {@code originwatch.*} (edge, alerting, ...): with
 * {@code originwatch.example-area.enabled} set, the application must still start.
 */
@ConfigMapping(prefix = "originwatch.example-area")
public interface ExampleAreaConfig {

    @WithDefault("false")
    boolean enabled();
}
