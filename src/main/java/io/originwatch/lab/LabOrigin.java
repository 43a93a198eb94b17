package io.originwatch.lab;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One lab origin: where it listens, how to probe it, and what a probe of it should conclude.
 *
 * @param name             origin name, e.g. {@code lab-connection-reset}
 * @param url              http or https URI on 127.0.0.1 or [::1] with its port (the unreachable
 *                         scenario uses a lab host name that {@link OriginLab#lookup} reports as
 *                         non-existent)
 * @param host             Host header and SNI
 * @param connectTimeout   connect timeout to probe it with
 * @param responseTimeout  response timeout to probe it with
 * @param headerLimitBytes header limit to probe it with
 * @param tlsVerify        tls-verify to probe it with (https origins trust {@link OriginLab#caPemFile()})
 * @param expectStatus     expect-status to probe it with, e.g. {@code 200-399}
 * @param expectedCause    the cause label a probe should conclude, e.g. {@code connection_reset}
 * @param expectedWarnings warning labels a probe should report, e.g. {@code [slow_response]}
 * @param clientCertificate PEM file of the client certificate to probe it with, or null for none
 * @param clientKey        PEM file of that certificate's key, or null
 */
public record LabOrigin(
        String name,
        URI url,
        String host,
        Duration connectTimeout,
        Duration responseTimeout,
        int headerLimitBytes,
        boolean tlsVerify,
        String expectStatus,
        String expectedCause,
        List<String> expectedWarnings,
        Path clientCertificate,
        Path clientKey) {

    public LabOrigin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        expectedWarnings = List.copyOf(expectedWarnings);
    }

    public boolean https() {
        return "https".equals(url.getScheme());
    }
}
