package io.originwatch.origin;

import java.util.Optional;

/**
 * The one question cluster code answers for the rest of the daemon: which origins does this member
 * own now? Standalone, this member owns every origin. In cluster mode the engine (Hazelcast) decides,
 * and nobody owns anything while this member is below the split-brain minimum: it then neither
 * probes nor pages.
 */
public interface Ownership {

    /** Standalone: this process owns every origin, always in quorum. */
    Ownership STANDALONE = new Ownership() {
        @Override
        public boolean owns(String origin) {
            return true;
        }

        @Override
        public Optional<String> ownerOf(String origin) {
            return Optional.empty();
        }

        @Override
        public int members() {
            return 1;
        }

        @Override
        public boolean quorum() {
            return true;
        }
    };

    /** True when this member probes {@code origin} now (false for every origin without quorum). */
    boolean owns(String origin);

    /** The owner's address as {@code host:port}; empty standalone or while no member owns it. */
    Optional<String> ownerOf(String origin);

    /** Members this member sees, itself included. */
    int members();

    /** At least the configured minimum of members: probing and paging allowed. */
    boolean quorum();
}
