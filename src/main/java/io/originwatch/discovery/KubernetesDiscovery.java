package io.originwatch.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes source's mapping: every Ingress annotated {@code originwatch.io/probe: "true"} in a
 * watched namespace becomes one origin per rule host, probed at the address its controller published
 * ({@code status.loadBalancer.ingress[0]}) with the rule host as Host and SNI. Optional annotations:
 * {@link #PATH}, {@link #SCHEME}, {@link #PORT} and {@link #HEADER_LIMIT}. Ingresses without the
 * annotation are not candidates and are not reported; annotated ones that cannot be probed (no address
 * yet, a wildcard or missing host, a bad annotation) are skipped with the reason.
 */
public final class KubernetesDiscovery {

    public static final String PROBE = "originwatch.io/probe";
    public static final String PATH = "originwatch.io/path";
    public static final String SCHEME = "originwatch.io/scheme";
    public static final String PORT = "originwatch.io/port";
    public static final String HEADER_LIMIT = "originwatch.io/header-limit";

    private KubernetesDiscovery() {}

    /** The origins of {@code ingresses}, in a stable order (namespace, name, rule). */
    public static DiscoveryResult of(List<IngressFacts> ingresses, KubernetesSettings settings) {
        List<IngressFacts> sorted = new ArrayList<>(ingresses);
        sorted.sort(Comparator.comparing(IngressFacts::namespace).thenComparing(IngressFacts::name));
        List<DiscoveredOrigin> origins = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, String> seen = new HashMap<>(); // origin name -> the Ingress that gave it first
        for (IngressFacts ing : sorted) {
            if (!"true"
                    .equalsIgnoreCase(ing.annotations().getOrDefault(PROBE, "").trim())) {
                continue;
            }
            if (!settings.namespaces().isEmpty() && !settings.namespaces().contains(ing.namespace())) {
                continue;
            }
            String scheme = ing.annotations()
                    .getOrDefault(SCHEME, settings.scheme())
                    .trim()
                    .toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                skipped.add(new Skipped(ing.id(), SCHEME + " must be http or https, got \"" + scheme + "\""));
                continue;
            }
            String path = ing.annotations().getOrDefault(PATH, settings.path()).trim();
            if (!path.startsWith("/") || path.chars().anyMatch(ch -> ch <= ' ' || ch == '#')) {
                skipped.add(new Skipped(ing.id(), PATH + " must start with / and hold no spaces or fragment"));
                continue;
            }
            String port = ing.annotations().get(PORT);
            if (port != null && !port.trim().matches("[1-9][0-9]{0,4}")) {
                skipped.add(new Skipped(ing.id(), PORT + " must be a port number, got \"" + port.trim() + "\""));
                continue;
            }
            if (ing.address() == null || ing.address().isBlank()) {
                skipped.add(new Skipped(ing.id(), "no load-balancer address in its status yet"));
                continue;
            }
            Map<String, String> own = new LinkedHashMap<>();
            if (ing.annotations().containsKey(HEADER_LIMIT)) {
                own.put("header-limit", ing.annotations().get(HEADER_LIMIT).trim());
            }
            String address = ing.address().trim();
            String authority =
                    (address.contains(":") ? "[" + address + "]" : address) + (port == null ? "" : ":" + port.trim());
            for (String host : ing.hosts()) {
                if (host == null || host.isBlank()) {
                    skipped.add(new Skipped(ing.id(), "a rule without host: no site name to send as Host and SNI"));
                    continue;
                }
                if (host.startsWith("*.")) {
                    skipped.add(new Skipped(ing.id() + " " + host, "wildcard host: no single site name to probe"));
                    continue;
                }
                String name = OriginNames.of(host);
                String first = seen.putIfAbsent(name, ing.id());
                if (first != null) {
                    skipped.add(new Skipped(ing.id() + " " + host, "host already discovered from " + first));
                    continue;
                }
                origins.add(new DiscoveredOrigin(
                        name,
                        scheme + "://" + authority + path,
                        host.trim(),
                        null,
                        Map.of("namespace", ing.namespace(), "ingress", ing.name()),
                        own));
            }
        }
        return new DiscoveryResult(origins, skipped);
    }
}
