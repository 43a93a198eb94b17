package io.originwatch.discovery;

import java.time.Duration;
import java.util.List;

/**
 * The validated {@code originwatch.discovery.kubernetes.*} keys.
 *
 * @param namespaces       namespaces watched; empty = every namespace the service account can read
 * @param scheme           http or https, unless an Ingress's {@code originwatch.io/scheme} says otherwise
 * @param path             path requested, unless {@code originwatch.io/path} says otherwise
 * @param resync           how often the informer re-lists everything (events apply at once)
 * @param allowMassRemoval let a result remove more than half of the discovered origins
 */
public record KubernetesSettings(
        List<String> namespaces, String scheme, String path, Duration resync, boolean allowMassRemoval) {

    public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);

    public KubernetesSettings {
        namespaces = List.copyOf(namespaces);
    }
}
