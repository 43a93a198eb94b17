package io.originwatch.cli;

import io.originwatch.config.OriginKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code check}, as given: values stay text here and are converted by the
 * config layer's validator, so {@code --header-limit 8k} fails with the same words as
 * {@code header-limit: 8k} in a config file. Only the command's own shape is checked here (unknown
 * option, missing value, URL and {@code --config} together).
 *
 * @param url        the origin's URL, or null with {@code --config}
 * @param originKeys origin key (e.g. {@link OriginKey#HEADER_LIMIT}) to its value, for the options
 *                   that mirror one
 * @param headers    {@code --header NAME:VALUE} in order
 * @param har        where to write the HAR, or null
 * @param json       print the API's JSON instead of the human report
 * @param config     a config or origins file to check every origin of, or null
 */
public record CheckOptions(
        String url, Map<OriginKey, String> originKeys, List<Header> headers, Path har, boolean json, Path config) {

    /** One {@code --header NAME:VALUE}. */
    public record Header(String name, String value) {}

    /** Options that take a value and mirror one origin key each: {@code --} and the key's text. */
    static final List<OriginKey> VALUE_OPTIONS = List.of(
            OriginKey.HOST,
            OriginKey.METHOD,
            OriginKey.HEADER_LIMIT,
            OriginKey.CONNECT_TIMEOUT,
            OriginKey.RESPONSE_TIMEOUT,
            OriginKey.EXPECT_STATUS,
            OriginKey.TRUST_CA,
            OriginKey.TLS_TRUST,
            OriginKey.TLS_PROFILE,
            OriginKey.TLS_CLIENT_CERTIFICATE,
            OriginKey.TLS_CLIENT_KEY,
            OriginKey.HTTP_VERSION);

    /** {@code --via-edge URL}: shorter than the key's text, {@code via-edge-url}. */
    static final String VIA_EDGE = "--via-edge";

    /** {@code --insecure} sets this key to false: the edge's "Full" mode, certificate problems only warn. */
    static final OriginKey INSECURE_KEY = OriginKey.TLS_VERIFY;

    /** The option that sets {@code key}, as error messages name it. */
    static String optionOf(OriginKey key) {
        return switch (key) {
            case URL -> "URL";
            case VIA_EDGE_URL -> VIA_EDGE;
            case TLS_VERIFY -> "--insecure";
            case NAME -> "--host"; // the name is derived from the host
            case HEADERS -> "--header";
            default -> "--" + key.text();
        };
    }

    private static OriginKey keyOfOption(String option) {
        if (option.equals(VIA_EDGE)) {
            return OriginKey.VIA_EDGE_URL;
        }
        return VALUE_OPTIONS.stream()
                .filter(k -> option.equals("--" + k.text()))
                .findFirst()
                .orElse(null);
    }

    public CheckOptions {
        originKeys = Map.copyOf(originKeys);
        headers = List.copyOf(headers);
    }

    /** True when asked for help ({@code -h}, {@code --help}): print the usage, exit 0. */
    static boolean wantsHelp(String[] args) {
        return List.of(args).stream().anyMatch(a -> a.equals("-h") || a.equals("--help"));
    }

    /**
     * Parses the arguments after {@code check}. Options take their value as the next argument or
     * after {@code =} ({@code --host=shop.example.com}).
     *
     * @throws UsageException naming the option at fault
     */
    static CheckOptions parse(String[] args) {
        String url = null;
        Map<OriginKey, String> keys = new LinkedHashMap<>();
        List<Header> headers = new ArrayList<>();
        Path har = null;
        boolean json = false;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (!name.startsWith("-")) {
                if (url != null) {
                    throw new UsageException(
                            "URL",
                            "one URL only (got " + quote(url) + " and " + quote(arg) + "); use --config for several");
                }
                url = arg;
                continue;
            }
            switch (name) {
                case "--insecure", "--json" -> {
                    if (inline != null) {
                        throw new UsageException(name, "takes no value, got " + quote(inline));
                    }
                    if (name.equals("--json")) {
                        json = true;
                    } else {
                        keys.put(INSECURE_KEY, "false");
                    }
                }
                case "--header" -> headers.add(header(value(args, i, name, inline)));
                case "--har" -> har = Path.of(value(args, i, name, inline));
                case "--config" -> config = Path.of(value(args, i, name, inline));
                default -> {
                    OriginKey key = keyOfOption(name);
                    if (key == null) {
                        throw new UsageException(name, "unknown option; see check --help");
                    }
                    if (keys.containsKey(key)) {
                        throw new UsageException(name, "given twice");
                    }
                    keys.put(key, value(args, i, name, inline));
                }
            }
            if (inline == null && takesValue(name)) {
                i++;
            }
        }
        return shapeChecked(new CheckOptions(url, keys, headers, har, json, config));
    }

    private static CheckOptions shapeChecked(CheckOptions o) {
        if (o.config != null) {
            if (o.url != null) {
                throw new UsageException("--config", "checks the origins of the file; give no URL with it");
            }
            if (!o.originKeys.isEmpty() || !o.headers.isEmpty()) {
                throw new UsageException("--config", "origin options come from the file; give none beside it");
            }
            if (o.har != null) {
                throw new UsageException("--har", "one probe's HAR; not with --config");
            }
        } else if (o.url == null) {
            throw new UsageException(
                    "URL", "required: check URL [options], e.g. check https://203.0.113.10/ --host shop.example.com");
        }
        return o;
    }

    private static boolean takesValue(String name) {
        return !name.equals("--insecure") && !name.equals("--json");
    }

    private static String value(String[] args, int i, String name, String inline) {
        if (inline != null) {
            return inline;
        }
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException(name, "needs a value");
        }
        return args[i + 1];
    }

    private static Header header(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new UsageException("--header", "must be NAME:VALUE, got " + quote(text));
        }
        return new Header(
                text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The header values by name, for the config layer (a later --header of the same name wins). */
    Map<String, String> headerMap() {
        Map<String, String> m = new LinkedHashMap<>();
        headers.forEach(h -> m.put(h.name(), h.value()));
        return m;
    }

    Optional<Path> harFile() {
        return Optional.ofNullable(har);
    }
}
