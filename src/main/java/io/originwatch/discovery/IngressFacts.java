package io.originwatch.discovery;

import java.util.List;
import java.util.Map;

/**
 * What the Kubernetes source reads of one Ingress (networking.k8s.io/v1), copied out of the client's
 * model so the mapping to origins is plain Java.
 *
 * @param namespace   the Ingress's namespace
 * @param name        its name
 * @param annotations its annotations (the {@code originwatch.io/*} ones steer the mapping)
 * @param hosts       {@code spec.rules[].host} in order, null for a rule without host
 * @param address     {@code status.loadBalancer.ingress[0]}: its ip, else its hostname; null before the
 *                    controller published one
 */
public record IngressFacts(
        String namespace, String name, Map<String, String> annotations, List<String> hosts, String address) {

    public IngressFacts {
        annotations = Map.copyOf(annotations);
        hosts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(hosts));
    }

    /** {@code namespace/name}, as kubectl names it. */
    public String id() {
        return namespace + "/" + name;
    }
}
