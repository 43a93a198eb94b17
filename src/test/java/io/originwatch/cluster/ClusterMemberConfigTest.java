package io.originwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import io.originwatch.config.ClusterSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every member's Hazelcast is told, before it starts (issue 14's security and cost points). */
class ClusterMemberConfigTest {

    private static final ClusterSettings STATIC_LIST = new ClusterSettings(
            true,
            "shop-fleet",
            "10.0.0.11",
            5701,
            List.of("10.0.0.11:5701", "10.0.0.12:5701", "10.0.0.13:5701"),
            Optional.empty(),
            2);

    @Test
    void noPhoneHomeNoMulticastNoOwnShutdownHookNoOwnMetricsAndTheBindAddressOnly() {
        Config config = ClusterMember.config(STATIC_LIST);
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
        assertThat(config.getMetricsConfig().isEnabled())
                .as("Hazelcast's metrics collection")
                .isFalse();
        assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled())
                .isFalse();
        assertThat(config.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled())
                .isFalse();
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("10.0.0.11:5701", "10.0.0.12:5701", "10.0.0.13:5701");
        assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.11");
        assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(config.getClusterName()).isEqualTo("shop-fleet");
    }

    @Test
    void dnsDiscoveryOfAHeadlessServiceReplacesTheStaticList() {
        Config config = ClusterMember.config(new ClusterSettings(
                true,
                "originwatch",
                "10.1.2.3",
                5701,
                List.of(),
                Optional.of("originwatch-cluster.originwatch.svc.cluster.local"),
                2));
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled())
                .isFalse();
        assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled())
                .isTrue();
        assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().getProperty("service-dns"))
                .isEqualTo("originwatch-cluster.originwatch.svc.cluster.local");
    }
}
