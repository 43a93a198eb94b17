package io.originwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validated cluster configuration.
 *
 * @param enabled           cluster mode on; off = standalone, no Hazelcast at all
 * @param name              the cluster's name (members of another name do not join)
 * @param bindHost          the address the member listens on
 * @param bindPort          its port
 * @param members           the static member list as {@code host:port} (empty with DNS discovery)
 * @param kubernetesService a headless Service's DNS name (discovery by DNS), if used
 * @param minMembers        fewest members with which a member still probes and pages
 */
public record ClusterSettings(
        boolean enabled,
        String name,
        String bindHost,
        int bindPort,
        List<String> members,
        Optional<String> kubernetesService,
        int minMembers) {

    public static final String DEFAULT_NAME = "originwatch";
    public static final String DEFAULT_BIND = "0.0.0.0:5701";
    public static final ClusterSettings STANDALONE =
            new ClusterSettings(false, DEFAULT_NAME, "0.0.0.0", 5701, List.of(), Optional.empty(), 1);

    private static final String PREFIX = "originwatch.cluster";

    public ClusterSettings {
        members = List.copyOf(members);
    }

    /** Maps {@code originwatch.cluster.*}; every invalid value adds an error naming its key. */
    public static ClusterSettings from(ClusterConfig config, List<ConfigError> errors) {
        Boolean enabled = config.enabled()
                .map(v -> ConfigValues.bool(PREFIX + ".enabled", v, errors))
                .orElse(false);
        if (enabled == null || !enabled) {
            return STANDALONE;
        }
        String name = config.name().map(String::trim).orElse(DEFAULT_NAME);
        if (name.isEmpty()) {
            errors.add(new ConfigError(PREFIX + ".name", "must not be empty"));
        }
        String bind = config.bind().map(String::trim).orElse(DEFAULT_BIND);
        HostPort bound = HostPort.parse(PREFIX + ".bind", bind, errors);
        List<String> members = new ArrayList<>();
        List<String> raw = config.members().orElse(List.of());
        for (int i = 0; i < raw.size(); i++) {
            HostPort member =
                    HostPort.parse(PREFIX + ".members[" + i + "]", raw.get(i).trim(), errors);
            if (member != null) {
                members.add(member.toString());
            }
        }
        Optional<String> service = config.kubernetesService().map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty() && service.isEmpty()) {
            errors.add(new ConfigError(
                    PREFIX + ".members", "set a static member list or originwatch.cluster.kubernetes-service"));
        } else if (!raw.isEmpty() && service.isPresent()) {
            errors.add(new ConfigError(
                    PREFIX + ".kubernetes-service", "set either it or originwatch.cluster.members, not both"));
        }
        Integer min = config.minMembers()
                .map(v -> ConfigValues.integer(PREFIX + ".min-members", v, 1, 1000, "members", errors))
                .orElse(null);
        if (config.minMembers().isEmpty() && service.isPresent()) {
            errors.add(new ConfigError(
                    PREFIX + ".min-members", "required with kubernetes-service (e.g. 2 for 3 replicas)"));
        }
        int minMembers = min != null ? min : members.size() / 2 + 1;
        return bound == null
                ? STANDALONE
                : new ClusterSettings(true, name, bound.host(), bound.port(), members, service, minMembers);
    }

    /** A {@code host:port} pair, as the keys and the API write member addresses. */
    record HostPort(String host, int port) {

        static HostPort parse(String key, String text, List<ConfigError> errors) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                errors.add(new ConfigError(key, "must be host:port, got " + ConfigValues.quoted(text)));
                return null;
            }
            Integer port = ConfigValues.integer(key, text.substring(colon + 1), 1, 65535, "port", errors);
            return port == null ? null : new HostPort(text.substring(0, colon), port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
