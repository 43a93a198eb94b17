package io.originwatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * {@code originwatch.discovery.*}: origins found in the CDN's DNS or in Kubernetes Ingresses instead of typed in; see
 * docs/configuration.md. Values are text, checked by {@link DiscoverySettings} into the one error list.
 */
@ConfigMapping(prefix = "originwatch.discovery")
public interface DiscoveryConfig {

    /** Where each source's last good result is kept across restarts. */
    @WithDefault("${user.home}/.cache/originwatch/discovery")
    String cacheDir();

    /** {@code originwatch.discovery.cloudflare.*}. */
    Cloudflare cloudflare();

    /** {@code originwatch.discovery.kubernetes.*}. */
    Kubernetes kubernetes();

    interface Kubernetes {

        /** Run the source; default false. */
        Optional<String> enabled();

        /** Namespaces watched; empty = every namespace the service account can read. */
        Optional<List<String>> namespaces();

        /** http or https, unless an Ingress's {@code originwatch.io/scheme} says otherwise; default https. */
        @WithDefault("https")
        String scheme();

        /** Path requested, unless {@code originwatch.io/path} says otherwise; default {@code /}. */
        @WithDefault("/")
        String path();

        /** How often the informer re-lists every Ingress (changes apply as they happen); default 10m. */
        Optional<String> resync();

        /** Accept a result that removes more than half of the discovered origins; default false. */
        Optional<String> allowMassRemoval();

        /** Settings of the generated origins (the keys of {@code originwatch.defaults}, which fill what is unset). */
        OriginDefaults defaults();
    }

    interface Cloudflare {

        /** Run the source; default false. */
        Optional<String> enabled();

        /** A read-only API token (Zone:Read, DNS:Read); never logged. */
        Optional<String> apiToken();

        /** A file holding the token (a mounted Secret); used when {@code api-token} is unset. */
        Optional<String> apiTokenFile();

        /** The v4 API base; default Cloudflare's. */
        Optional<String> apiUrl();

        /** Zone names; empty = every zone the token can read. */
        Optional<List<String>> zones();

        /** Time between two runs; default 10m. */
        Optional<String> refresh();

        /** Globs on record names to keep; empty = all. */
        Optional<List<String>> include();

        /** Globs on record names to leave out. */
        Optional<List<String>> exclude();

        /** Record types made origins; default A, AAAA, CNAME. */
        Optional<List<String>> recordTypes();

        /** Path requested; default {@code /}. */
        @WithDefault("/")
        String path();

        /** http or https; default https. */
        @WithDefault("https")
        String scheme();

        /** Port probed; default 443 for https, 80 for http. */
        Optional<String> port();

        /** Also probe {@code scheme://record-name/path} through the edge; default true. */
        Optional<String> viaEdge();

        /** Accept a result that removes more than half of the discovered origins; default false. */
        Optional<String> allowMassRemoval();

        /** Settings of the generated origins (the keys of {@code originwatch.defaults}, which fill what is unset). */
        OriginDefaults defaults();
    }
}
