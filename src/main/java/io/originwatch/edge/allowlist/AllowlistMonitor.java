package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import io.originwatch.edge.ranges.EdgeRanges;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every allowlist against the ranges in force. Drift is recomputed only when the ranges or the
 * allowlist's content changed; a state change (ok/drift/error, or a different drift) is logged once.
 * One allowlist failing to read does not stop the others.
 */
public final class AllowlistMonitor {

    private static final System.Logger LOG = System.getLogger(AllowlistMonitor.class.getName());

    private record Inputs(EdgeRanges ranges, List<IPAddress> entries) {}

    private final List<AllowlistDefinition> definitions;
    private final AllowlistListener listener;
    private final Clock clock;
    private final Map<String, AllowlistStatus> statuses = new LinkedHashMap<>();
    private final Map<String, Inputs> inputs = new LinkedHashMap<>();

    public AllowlistMonitor(List<AllowlistDefinition> definitions, AllowlistListener listener, Clock clock) {
        this.definitions = List.copyOf(definitions);
        this.listener = listener;
        this.clock = clock;
    }

    public List<AllowlistDefinition> definitions() {
        return definitions;
    }

    public Optional<AllowlistDefinition> definition(String name) {
        return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Checks all allowlists; {@code ranges} null means no list is known yet (reported as an error). */
    public synchronized List<AllowlistStatus> check(EdgeRanges ranges) {
        for (AllowlistDefinition d : definitions) {
            AllowlistStatus s = checkOne(d, ranges);
            AllowlistStatus before = statuses.put(d.name(), s);
            if (before == null
                    || before.state() != s.state()
                    || !before.missing().equals(s.missing())
                    || !before.extra().equals(s.extra())) {
                logChange(s);
            }
            listener.checked(s);
        }
        return List.copyOf(statuses.values());
    }

    /**
     * Takes the statuses of a check another member ran (cluster mode: only one member checks), as if
     * this member had checked: each status of an allowlist this member also defines replaces its own,
     * a change is logged once and the listener is told; statuses of allowlists it does not define are
     * ignored. Returns the names ignored.
     */
    public synchronized List<String> adopt(List<AllowlistStatus> checked) {
        List<String> ignored = new java.util.ArrayList<>();
        for (AllowlistStatus s : checked) {
            if (definition(s.name()).isEmpty()) {
                ignored.add(s.name());
                continue;
            }
            AllowlistStatus before = statuses.put(s.name(), s);
            // the inputs were another member's: a check here (as the new checker) computes afresh
            inputs.remove(s.name());
            if (before == null
                    || before.state() != s.state()
                    || !before.missing().equals(s.missing())
                    || !before.extra().equals(s.extra())) {
                logChange(s);
            }
            listener.checked(s);
        }
        if (!checked.isEmpty() && statuses.size() > 1) {
            // configuration order, as a local check keeps it
            Map<String, AllowlistStatus> ordered = new LinkedHashMap<>();
            for (AllowlistDefinition d : definitions) {
                AllowlistStatus s = statuses.get(d.name());
                if (s != null) {
                    ordered.put(d.name(), s);
                }
            }
            statuses.clear();
            statuses.putAll(ordered);
        }
        return ignored;
    }

    /** The statuses of the last check, in configuration order. */
    public synchronized List<AllowlistStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    private AllowlistStatus checkOne(AllowlistDefinition d, EdgeRanges ranges) {
        List<IPAddress> entries;
        try {
            entries = d.source().read();
        } catch (AllowlistParseException e) {
            inputs.remove(d.name());
            return AllowlistStatus.error(d.name(), d.source().describe(), clock.instant(), e.getMessage());
        } catch (RuntimeException e) {
            inputs.remove(d.name());
            return AllowlistStatus.error(d.name(), d.source().describe(), clock.instant(), e.toString());
        }
        if (ranges == null) {
            return AllowlistStatus.error(
                    d.name(),
                    d.source().describe(),
                    clock.instant(),
                    "no edge ranges known yet (no fetch, cache or snapshot)");
        }
        Inputs now = new Inputs(ranges, entries);
        AllowlistStatus prev = statuses.get(d.name());
        Inputs was = inputs.put(d.name(), now);
        if (prev != null
                && prev.state() != AllowlistStatus.State.ERROR
                && was != null
                && was.ranges().all().equals(ranges.all())
                && was.entries().equals(entries)) {
            return new AllowlistStatus(
                    prev.name(),
                    d.source().describe(),
                    clock.instant(),
                    prev.state(),
                    prev.missing(),
                    prev.extra(),
                    prev.missingIpv4Addresses(),
                    null);
        }
        Drift drift = Drift.between(ranges.all(), entries, d.ignore());
        return AllowlistStatus.of(d.name(), d.source().describe(), clock.instant(), drift);
    }

    private static void logChange(AllowlistStatus s) {
        switch (s.state()) {
            case OK -> LOG.log(Level.INFO, "allowlist={0} state=ok", s.name());
            case DRIFT ->
                LOG.log(
                        Level.WARNING,
                        "allowlist={0} state=drift missing={1} extra={2} missing_ipv4_addresses={3}",
                        s.name(),
                        s.missing(),
                        s.extra(),
                        s.missingIpv4Addresses());
            case ERROR -> LOG.log(Level.WARNING, "allowlist={0} state=error error={1}", s.name(), s.error());
        }
    }
}
