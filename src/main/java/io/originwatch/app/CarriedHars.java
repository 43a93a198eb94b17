package io.originwatch.app;

import io.originwatch.evidence.Captured;
import io.originwatch.evidence.EvidenceStore;
import io.originwatch.evidence.OriginEvidence;
import io.originwatch.handover.CarriedEvidence;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The last failing direct HAR across a move (cluster mode): renders this member's for the
 * origin's snapshot, and keeps the one a previous owner's snapshot carried, served as the origin's
 * "last failing" HAR until this member has a failing direct probe of its own as new or newer.
 */
final class CarriedHars implements StateHandover.Evidence {

    private static final Logger LOG = Logger.getLogger(CarriedHars.class);

    private final EvidenceStore store;
    private final Function<Captured, byte[]> render;
    private final Map<String, CarriedEvidence> carried = new ConcurrentHashMap<>();

    /**
     * @param store  this member's kept evidence
     * @param render a kept probe's HAR as the evidence API serves it (through the redactor)
     */
    CarriedHars(EvidenceStore store, Function<Captured, byte[]> render) {
        this.store = store;
        this.render = render;
    }

    @Override
    public Optional<Instant> lastFailingAt(String origin) {
        return store.get(origin).map(OriginEvidence::directFailing).map(Captured::probedAt);
    }

    /** Empty when there is none or it exceeds {@link CarriedEvidence#MAX_HAR_BYTES} (said at DEBUG). */
    @Override
    public Optional<CarriedEvidence> renderLastFailing(String origin) {
        Captured c = store.get(origin).map(OriginEvidence::directFailing).orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        byte[] har = render.apply(c);
        if (har.length > CarriedEvidence.MAX_HAR_BYTES) {
            LOG.debugf(
                    "cluster: origin=%s last failing HAR is %d bytes, over the %d a snapshot carries: not carried",
                    origin, har.length, CarriedEvidence.MAX_HAR_BYTES);
            return Optional.empty();
        }
        return Optional.of(new CarriedEvidence(c.probedAt(), c.cause(), har));
    }

    /** Keeps the newer of what it has and {@code evidence}. */
    @Override
    public void received(String origin, CarriedEvidence evidence) {
        carried.merge(origin, evidence, (a, b) -> b.probedAt().isAfter(a.probedAt()) ? b : a);
    }

    /** The carried HAR of {@code origin}, unless this member's own last failing probe is as new or newer. */
    Optional<CarriedEvidence> failing(String origin) {
        CarriedEvidence c = carried.get(origin);
        if (c == null) {
            return Optional.empty();
        }
        Instant own = lastFailingAt(origin).orElse(null);
        return own != null && !own.isBefore(c.probedAt()) ? Optional.empty() : Optional.of(c);
    }

    void remove(String origin) {
        carried.remove(origin);
    }
}
