package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.originwatch.edge.cidr.AddressSets;
import io.originwatch.edge.cidr.Cidrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An allowlist kept in Kubernetes: the {@code ipBlock} peers of a NetworkPolicy's ingress rules
 * ({@code cidr} minus {@code except}), or the ingress-nginx {@code whitelist-source-range} annotation of
 * an Ingress. The client is obtained on first read, so nothing talks to a cluster unless such an
 * allowlist is configured.
 */
public final class KubernetesAllowlistSource implements AllowlistSource {

    public static final String WHITELIST_ANNOTATION = "nginx.ingress.kubernetes.io/whitelist-source-range";

    private final Supplier<KubernetesClient> client;
    private final String kind;
    private final String namespace;
    private final String name;

    public KubernetesAllowlistSource(Supplier<KubernetesClient> client, String kind, String namespace, String name) {
        this.client = client;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
    }

    @Override
    public String describe() {
        return "kubernetes:" + kind + "/" + namespace + "/" + name;
    }

    @Override
    public List<IPAddress> read() throws AllowlistParseException {
        try {
            return kind.equals("Ingress") ? ingress() : networkPolicy();
        } catch (KubernetesClientException e) {
            throw new AllowlistParseException(
                    describe() + ": Kubernetes API error (" + e.getCode() + " " + e.getMessage() + ")");
        }
    }

    private List<IPAddress> networkPolicy() throws AllowlistParseException {
        NetworkPolicy np = client.get()
                .network()
                .v1()
                .networkPolicies()
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (np == null) {
            throw new AllowlistParseException(describe() + ": not found");
        }
        List<IPAddress> out = new ArrayList<>();
        List<NetworkPolicyIngressRule> rules =
                np.getSpec() == null || np.getSpec().getIngress() == null
                        ? List.of()
                        : np.getSpec().getIngress();
        for (int r = 0; r < rules.size(); r++) {
            List<NetworkPolicyPeer> from =
                    rules.get(r).getFrom() == null ? List.of() : rules.get(r).getFrom();
            for (int p = 0; p < from.size(); p++) {
                IPBlock block = from.get(p).getIpBlock();
                if (block != null) {
                    String where = "spec.ingress[" + r + "].from[" + p + "].ipBlock";
                    List<IPAddress> cidr = List.of(parse(where + ".cidr", block.getCidr()));
                    List<IPAddress> except = new ArrayList<>();
                    List<String> ex = block.getExcept() == null ? List.of() : block.getExcept();
                    for (int e = 0; e < ex.size(); e++) {
                        except.add(parse(where + ".except[" + e + "]", ex.get(e)));
                    }
                    out.addAll(AddressSets.subtract(cidr, except));
                }
            }
        }
        return out;
    }

    private List<IPAddress> ingress() throws AllowlistParseException {
        Ingress ing = client.get()
                .network()
                .v1()
                .ingresses()
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (ing == null) {
            throw new AllowlistParseException(describe() + ": not found");
        }
        Map<String, String> ann = ing.getMetadata().getAnnotations();
        String value = ann == null ? null : ann.get(WHITELIST_ANNOTATION);
        if (value == null) {
            throw new AllowlistParseException(describe() + ": no annotation " + WHITELIST_ANNOTATION);
        }
        List<IPAddress> out = new ArrayList<>();
        String[] parts = value.split(",");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                out.add(parse("metadata.annotations[" + WHITELIST_ANNOTATION + "][" + i + "]", parts[i]));
            }
        }
        return out;
    }

    private IPAddress parse(String where, String text) throws AllowlistParseException {
        try {
            return Cidrs.parse(text == null ? "" : text, false);
        } catch (IllegalArgumentException e) {
            throw new AllowlistParseException(describe() + " " + where + ": " + e.getMessage());
        }
    }
}
