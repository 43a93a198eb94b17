package io.originwatch.app;

import io.originwatch.schedule.OriginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the configuration is valid and the origins are scheduled, and in quorum (cluster mode). */
@Readiness
@ApplicationScoped
public class DaemonReadiness implements HealthCheck {

    @Inject
    Daemon daemon;

    @Inject
    OriginRegistry registry;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("originwatch-scheduling")
                .status(daemon.ready())
                .withData("origins", registry.size())
                .withData("owned", registry.owned())
                .withData("members", registry.ownership().members())
                .withData("quorum", registry.ownership().quorum())
                .build();
    }
}
