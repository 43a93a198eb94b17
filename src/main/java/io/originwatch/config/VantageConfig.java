package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * {@code originwatch.vantage}, {@code originwatch.peers[n].*} and the keys of the vantages' quorum
 * (issue 14); see docs/cluster.md#multi-vantage-quorum. A mapping of its own under the daemon's
 * prefix (SmallRye checks unknown keys against the union of the mappings). Kept as text and converted
 * by {@link VantageSettings#from}, which names the key of every invalid value.
 */
@ConfigMapping(prefix = "originwatch")
public interface VantageConfig {

    /** The name of this place (region, data centre); default {@code default}. */
    Optional<String> vantage();

    /** The other vantages, whose verdicts {@code GET /api/origins/{name}/vantages} fetches. */
    Optional<List<Peer>> peers();

    /** Longest wait for a peer's answer; default 2s. A peer that does not answer in time is unknown. */
    Optional<String> peerTimeout();

    /**
     * Vantages that must see an origin down for the quorum to say down; default a majority of all
     * vantages (this one and its peers).
     */
    Optional<String> vantageQuorum();

    /** {@code originwatch.peers[n].*}: one other vantage. */
    interface Peer {

        /** The peer's vantage name (its {@code originwatch.vantage}). */
        Optional<String> name();

        /** The base URL of the peer's API, e.g. {@code https://originwatch.us-east.example.com}. */
        Optional<String> url();

        /** The peer's API token (its {@code originwatch.api.token}), sent as a bearer token. */
        Optional<String> token();

        /** A file holding that token (a mounted Secret), read on each request; excludes {@link #token()}. */
        Optional<String> tokenFile();
    }
}
