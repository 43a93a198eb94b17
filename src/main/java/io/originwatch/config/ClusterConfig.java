package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * {@code originwatch.cluster.*}: cluster mode (issue 14); see docs/cluster.md. Kept as text and
 * converted by {@link ClusterSettings#from}, which names the key of every invalid value.
 */
@ConfigMapping(prefix = "originwatch.cluster")
public interface ClusterConfig {

    /** Join a cluster of originwatch members; default false (standalone, no Hazelcast started). */
    Optional<String> enabled();

    /** Cluster name: members with another name never join; default {@code originwatch}. */
    Optional<String> name();

    /** {@code host:port} the member listens on; default {@code 0.0.0.0:5701}. */
    Optional<String> bind();

    /** Static member list ({@code host:port} each), for VMs and loopback tests. */
    Optional<List<String>> members();

    /** DNS name of a headless Service whose addresses are the members (Kubernetes, no RBAC). */
    Optional<String> kubernetesService();

    /**
     * Split-brain protection: below this many members a member stops probing and paging. Default:
     * a majority of the static member list; required with {@code kubernetes-service}.
     */
    Optional<String> minMembers();
}
