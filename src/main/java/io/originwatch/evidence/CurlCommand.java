package io.originwatch.evidence;

import io.originwatch.probe.ProbeSpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The curl command that repeats a probe by hand:
 * {@code curl -sv -o /dev/null --http1.1 --connect-to HOST:PORT:ADDR:PORT URL -H 'Name: value' ...}.
 * The URL carries the site name, so curl sends it as SNI and Host; {@code --connect-to} sends the
 * connection to the address the probe reached (or the probe url's host when it never connected).
 * HTTP/1.1 is forced because curl would otherwise offer h2 over TLS and the origin may answer
 * differently. Redacted values become {@code <redacted>} placeholders; every argument that is not
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
        List<String> args = new ArrayList<>(List.of("curl", "-sv", "-o", "/dev/null", "--http1.1"));
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
        String target = connected != null
                ? connected.getAddress().getHostAddress()
                : bare(spec.url().getHost());
        args.add("--connect-to");
        args.add(bracket(spec.host()) + ":" + spec.port() + ":" + bracket(target) + ":" + spec.port());
        args.add(redactor.curlUrl(HarUrls.siteUrl(spec)));
        boolean defaultPort = spec.port() == (spec.https() ? 443 : 80);
        for (Har.Header h : headers) {
            // With a non-default port curl would send "Host: name:port"; the probe sent the bare name.
            if (h.name().equalsIgnoreCase("host") && defaultPort) {
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
