/**
 * Origins discovered from where the truth already is: the CDN's DNS (Cloudflare's proxied records)
 * and, in the framework layer, the cluster's Ingresses. Plain Java: a source turns what it read into
 * {@link io.originwatch.discovery.DiscoveryResult} (candidate origins as text, plus what was skipped
 * and why); validation into origins, merging and applying happen in the layers above.
 */
package io.originwatch.discovery;
