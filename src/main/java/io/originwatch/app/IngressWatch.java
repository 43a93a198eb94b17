package io.originwatch.app;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.originwatch.discovery.DiscoveryException;
import io.originwatch.discovery.IngressFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The Kubernetes source's view of the cluster: one fabric8 informer on Ingresses (networking.k8s.io/v1)
 * per watched namespace, or one across every namespace. Starting does not wait for the API server (the
 * informers keep retrying); {@link #list()} answers from their caches and fails while any of them has
 * not listed yet, so a run never mistakes "not reached" for "no Ingresses". While a watch is down the
 * cache keeps the last state seen; the informer re-lists when it reconnects, and what changed meanwhile
 * arrives as events.
 */
final class IngressWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IngressWatch.class);

    private final Supplier<KubernetesClient> client;
    private final List<String> namespaces;
    private final Duration resync;
    private final Runnable changed;
    private final List<SharedIndexInformer<Ingress>> informers = new ArrayList<>();

    /**
     * @param namespaces watched namespaces, empty for all
     * @param changed    called (on an informer thread) after every add, update, delete and resync
     */
    IngressWatch(Supplier<KubernetesClient> client, List<String> namespaces, Duration resync, Runnable changed) {
        this.client = client;
        this.namespaces = List.copyOf(namespaces);
        this.resync = resync;
        this.changed = changed;
    }

    void start() {
        KubernetesClient c = client.get();
        ResourceEventHandler<Ingress> handler = new ResourceEventHandler<>() {
            @Override
            public void onAdd(Ingress obj) {
                changed.run();
            }

            @Override
            public void onUpdate(Ingress oldObj, Ingress newObj) {
                changed.run();
            }

            @Override
            public void onDelete(Ingress obj, boolean deletedFinalStateUnknown) {
                changed.run();
            }

            @Override
            public void onNothing() {
                changed.run(); // the initial list was empty: a run still reports success with 0 origins
            }
        };
        var ingresses = c.network().v1().ingresses();
        if (namespaces.isEmpty()) {
            informers.add(ingresses.inAnyNamespace().runnableInformer(resync.toMillis()));
        } else {
            for (String ns : namespaces) {
                informers.add(ingresses.inNamespace(ns).runnableInformer(resync.toMillis()));
            }
        }
        for (SharedIndexInformer<Ingress> i : informers) {
            i.addEventHandler(handler);
            i.start().whenComplete((ok, e) -> {
                if (e != null) {
                    LOG.warnf("discovery: source=kubernetes informer stopped: %s", e.toString());
                }
            });
        }
    }

    /** Every Ingress the informers hold now. */
    List<IngressFacts> list() throws DiscoveryException {
        List<IngressFacts> out = new ArrayList<>();
        for (int n = 0; n < informers.size(); n++) {
            SharedIndexInformer<Ingress> i = informers.get(n);
            String where = namespaces.isEmpty() ? "every namespace" : "namespace " + namespaces.get(n);
            if (!i.hasSynced()) {
                throw new DiscoveryException("Ingresses of " + where + " not listed from the Kubernetes API yet");
            }
            i.getStore().list().forEach(ing -> out.add(facts(ing)));
        }
        return out;
    }

    static IngressFacts facts(Ingress ing) {
        var meta = ing.getMetadata();
        List<String> hosts = new ArrayList<>();
        if (ing.getSpec() != null && ing.getSpec().getRules() != null) {
            for (IngressRule r : ing.getSpec().getRules()) {
                hosts.add(r.getHost());
            }
        }
        String address = null;
        if (ing.getStatus() != null
                && ing.getStatus().getLoadBalancer() != null
                && ing.getStatus().getLoadBalancer().getIngress() != null
                && !ing.getStatus().getLoadBalancer().getIngress().isEmpty()) {
            IngressLoadBalancerIngress lb =
                    ing.getStatus().getLoadBalancer().getIngress().get(0);
            address = lb.getIp() != null && !lb.getIp().isBlank() ? lb.getIp() : lb.getHostname();
        }
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        return new IngressFacts(meta.getNamespace(), meta.getName(), annotations, hosts, address);
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
