package io.originwatch.config;

import io.originwatch.lab.LabOrigin;
import java.nio.file.Path;
import java.util.EnumMap;
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
        Map<OriginKey, String> v = new EnumMap<>(OriginKey.class);
        v.put(OriginKey.NAME, o.name());
        v.put(OriginKey.URL, o.url().toString());
        v.put(OriginKey.HOST, o.host());
        v.put(OriginKey.CONNECT_TIMEOUT, o.connectTimeout().toMillis() + "ms");
        v.put(OriginKey.RESPONSE_TIMEOUT, o.responseTimeout().toMillis() + "ms");
        v.put(OriginKey.HEADER_LIMIT, Integer.toString(o.headerLimitBytes()));
        v.put(OriginKey.TLS_VERIFY, Boolean.toString(o.tlsVerify()));
        v.put(OriginKey.EXPECT_STATUS, o.expectStatus());
        if (o.https()) {
            v.put(OriginKey.TRUST_CA, caPem.toString());
        }
        if (o.clientCertificate() != null) {
            v.put(OriginKey.TLS_CLIENT_CERTIFICATE, o.clientCertificate().toString());
            v.put(OriginKey.TLS_CLIENT_KEY, o.clientKey().toString());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("source", "lab");
        labels.put("expected-cause", o.expectedCause());
        labels.put("expected-warnings", String.join(",", o.expectedWarnings()));
        return new RawOrigin("originwatch.lab[" + o.name() + "]", v, Map.of(), labels);
    }
}
