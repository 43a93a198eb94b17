package io.originwatch.evidence;

import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The curl command that repeats a probe by hand:
 * {@code curl -sv -o /dev/null --http1.1 --connect-to HOST:PORT:ADDR:PORT URL -H 'Name: value' ...}
 * ({@code --http2} when the probe spoke HTTP/2; {@code --cert} and {@code --key} with the paths of
 * the configured client certificate).
 * The URL carries the site name, so curl sends it as SNI and Host; {@code --connect-to} sends the
 * connection to the address the probe reached (or the probe url's host when it never connected).
 * The protocol the probe spoke is forced: {@code --http1.1} because curl would otherwise offer h2
 * over TLS and the origin may answer differently; {@code --http2} when ALPN selected h2 (curl then
 * offers h2 and http/1.1, as the probe did). HTTP/2 pseudo-fields are curl's own, not -H. Redacted values become {@code <redacted>} placeholders; every argument that is not
 * plainly safe is single-quoted for a POSIX shell.
 */
public final class CurlCommand {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private CurlCommand() {}

    /**
     * @param spec      what was probed
     * @param connected the connected address, or null
     * @param headers   the request's header fields as sent (or as they would have been), values unredacted
     * @param redactor  which values to replace by placeholders
     */
    public static String build(
            ProbeSpec spec, InetSocketAddress connected, List<Har.Header> headers, Redactor redactor) {
        return build(spec, connected, headers, redactor, ProbeResult.HTTP_1_1);
    }

    /** As {@link #build(ProbeSpec, InetSocketAddress, List, Redactor)}, for the HTTP version spoken. */
    public static String build(
            ProbeSpec spec,
            InetSocketAddress connected,
            List<Har.Header> headers,
            Redactor redactor,
            String httpVersion) {
        String protocol = ProbeResult.HTTP_2.equals(httpVersion) ? "--http2" : "--http1.1";
        List<String> args = new ArrayList<>(List.of("curl", "-sv", "-o", "/dev/null", protocol));
        String method = spec.method().toUpperCase(Locale.ROOT);
        if (method.equals("HEAD")) {
            args.add("-I");
        } else if (!method.equals("GET")) {
            args.add("-X");
            args.add(method);
        }
        if (spec.https() && !spec.tlsVerify()) {
            args.add("-k");
        }
        if (spec.https() && spec.trustCa() != null) {
            args.add("--cacert");
            args.add(spec.trustCa().toString());
        }
        if (spec.https() && spec.clientCertificate() != null) {
            // paths only: curl reads the same PEM files (the key's content never enters the line)
            args.add("--cert");
            args.add(spec.clientCertificate().certificate().toString());
            args.add("--key");
            args.add(spec.clientCertificate().key().toString());
        }
        String target = connected != null
                ? connected.getAddress().getHostAddress()
                : bare(spec.url().getHost());
        args.add("--connect-to");
        args.add(bracket(spec.host()) + ":" + spec.port() + ":" + bracket(target) + ":" + spec.port());
        args.add(redactor.curlUrl(HarUrls.siteUrl(spec)));
        boolean defaultPort = spec.port() == (spec.https() ? 443 : 80);
        for (Har.Header h : headers) {
            // With a non-default port curl would send "Host: name:port"; the probe sent the bare name.
            if (h.name().equalsIgnoreCase("host") && defaultPort || h.name().startsWith(":")) {
                continue;
            }
            args.add("-H");
            args.add(h.name() + ": " + (redactor.redacts(h.name()) ? Redactor.PLACEHOLDER : h.value()));
        }
        return String.join(" ", args.stream().map(CurlCommand::quote).toList());
    }

    /** POSIX shell quoting: safe words stay bare, the rest go in single quotes with ' written as '\''. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** curl's --connect-to wants IPv6 addresses in brackets. */
    private static String bracket(String host) {
        return host != null && host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
