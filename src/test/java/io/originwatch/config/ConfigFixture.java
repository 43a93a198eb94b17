package io.originwatch.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The daemon's configuration as SmallRye maps it, without Quarkus: every area's mapping registered
 * (so an unknown key fails as it does at start-up), feeding a {@link SettingsLoader} built by hand.
 * No converter is needed: the mappings keep every value as text, and the loader converts.
 */
final class ConfigFixture {

    private ConfigFixture() {}

    static SettingsLoader loader(Map<String, String> properties) {
        return loader(new PropertiesConfigSource(properties, "fixture", 100));
    }

    static SettingsLoader loader(ConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(source)
                // ${user.home} in originwatch.edge.cache-dir's default
                .withSources(
                        new PropertiesConfigSource(Map.of("user.home", System.getProperty("user.home")), "system", 10))
                .addDefaultInterceptors()
                .withMapping(OriginwatchConfig.class)
                .withMapping(EvidenceConfig.class)
                .withMapping(EdgeConfig.class)
                .withMapping(AllowlistsConfig.class)
                .withMapping(AlertingConfig.class)
                .withMapping(ApiConfig.class)
                .withMapping(MaintenanceConfig.class)
                .withMapping(DiscoveryConfig.class)
                .withMapping(ClusterConfig.class)
                .withMapping(VantageConfig.class)
                .build();
        SettingsLoader loader = new SettingsLoader();
        loader.config = config.getConfigMapping(OriginwatchConfig.class);
        loader.evidence = config.getConfigMapping(EvidenceConfig.class);
        loader.edge = config.getConfigMapping(EdgeConfig.class);
        loader.allowlists = config.getConfigMapping(AllowlistsConfig.class);
        loader.alerting = config.getConfigMapping(AlertingConfig.class);
        loader.discovery = config.getConfigMapping(DiscoveryConfig.class);
        loader.cluster = config.getConfigMapping(ClusterConfig.class);
        loader.vantages = config.getConfigMapping(VantageConfig.class);
        loader.api = config.getConfigMapping(ApiConfig.class);
        loader.maintenance = config.getConfigMapping(MaintenanceConfig.class);
        loader.version = "9.9.9";
        return loader;
    }
}
