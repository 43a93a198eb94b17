package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * {@code originwatch.allowlists[n].*}. Shares the {@code originwatch} prefix with the daemon's main
 * mapping; SmallRye matches each property against every root with that prefix.
 */
@ConfigMapping(prefix = "originwatch")
public interface AllowlistsConfig {

    /** The allowlists to compare with the published ranges. */
    Optional<List<Allowlist>> allowlists();

    interface Allowlist {

        /** Unique name, used in the API path and the {@code allowlist} metric label. */
        String name();

        /** A file to read; exactly one of file and kubernetes. */
        Optional<String> file();

        /** cidr, nginx, apache, iptables or nftables; guessed from the content when absent. */
        Optional<String> format();

        /** iptables only: the chain whose ACCEPT rules count. */
        @WithDefault("INPUT")
        String chain();

        /** A Kubernetes object to read instead of a file. */
        Optional<Kubernetes> kubernetes();

        /** CIDRs allowed on purpose (office, the monitor itself): never reported as extra. */
        Optional<List<String>> ignore();
    }

    interface Kubernetes {

        /** NetworkPolicy (ingress ipBlock.cidr) or Ingress (whitelist-source-range annotation). */
        String kind();

        @WithDefault("default")
        String namespace();

        String name();
    }
}
