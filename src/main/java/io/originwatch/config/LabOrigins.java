package io.originwatch.config;

import io.originwatch.lab.LabOrigin;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab origins as raw origins, so they pass through the same {@link OriginValidator} as configured
 * ones. The expected cause and warnings become API labels, so a reader of /api/origins can compare
 * what the lab promises with what the probe found.
 */
public final class LabOrigins {

    private LabOrigins() {}

    public static List<RawOrigin> toRaw(List<LabOrigin> origins, Path caPem) {
        return origins.stream().map(o -> toRaw(o, caPem)).toList();
    }

    private static RawOrigin toRaw(LabOrigin o, Path caPem) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", o.name());
        v.put("url", o.url().toString());
        v.put("host", o.host());
        v.put("connect-timeout", o.connectTimeout().toMillis() + "ms");
        v.put("response-timeout", o.responseTimeout().toMillis() + "ms");
        v.put("header-limit", Integer.toString(o.headerLimitBytes()));
        v.put("tls-verify", Boolean.toString(o.tlsVerify()));
        v.put("expect-status", o.expectStatus());
        if (o.https()) {
            v.put("trust-ca", caPem.toString());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("source", "lab");
        labels.put("expected-cause", o.expectedCause());
        labels.put("expected-warnings", String.join(",", o.expectedWarnings()));
        return new RawOrigin("originwatch.lab[" + o.name() + "]", v, Map.of(), labels);
    }
}
