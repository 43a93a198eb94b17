package io.originwatch.app;

import io.originwatch.app.VantageVerdict.State;
import io.originwatch.config.PeerSettings;
import io.originwatch.config.VantageConfig;
import io.originwatch.config.VantageSettings;
import io.originwatch.metrics.VantageMetrics;
import io.originwatch.origin.HistoryEntry;
import io.originwatch.origin.OriginStateView;
import io.originwatch.schedule.OriginRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Multi-vantage quorum (issue 14): this vantage's verdict for an origin from the registry, the peers'
 * fetched concurrently from their APIs ({@link PeerClient}, each bounded by
 * {@code originwatch.peer-timeout}), and the outcome by the rule of {@link VantageReport}.
 */
@ApplicationScoped
public class Vantages {

    @Inject
    VantageConfig config;

    @Inject
    OriginRegistry registry;

    @Inject
    VantageMetrics metrics;

    private VantageSettings settings;
    private PeerClient client;

    @PostConstruct
    void init() {
        // an invalid value is reported by the daemon's start-up check, which then exits
        settings = VantageSettings.from(config, new ArrayList<>());
        client = new PeerClient(settings.peerTimeout());
    }

    void onStart(@Observes StartupEvent e) {
        metrics.started(settings.vantage());
    }

    /** This place's name. */
    public String vantage() {
        return settings.vantage();
    }

    /** Every vantage's verdict for {@code origin} and the quorum; empty when this daemon has no such origin. */
    public Optional<CompletionStage<VantageReport>> report(String origin) {
        Optional<? extends OriginStateView> state = registry.state(origin);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        VantageVerdict own = own(state.get());
        List<CompletableFuture<VantageVerdict>> peers = new ArrayList<>();
        for (PeerSettings peer : settings.peers()) {
            peers.add(client.verdict(peer, origin));
        }
        return Optional.of(CompletableFuture.allOf(peers.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<VantageVerdict> all = new ArrayList<>(List.of(own));
                    peers.forEach(p -> all.add(p.join()));
                    return new VantageReport(origin, all, settings.quorum());
                }));
    }

    private VantageVerdict own(OriginStateView state) {
        return state.latest()
                .map(HistoryEntry::of)
                .map(e -> new VantageVerdict(
                        settings.vantage(),
                        true,
                        e.up() ? State.UP : State.DOWN,
                        e.cause().label(),
                        e.probedAt().toString(),
                        null))
                .orElseGet(() -> new VantageVerdict(settings.vantage(), true, State.PENDING, "pending", null, null));
    }
}
