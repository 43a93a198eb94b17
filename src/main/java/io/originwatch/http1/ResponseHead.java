package io.originwatch.http1;

import java.util.List;
import java.util.Optional;

/**
 * A complete, valid final response head (interim 1xx heads are skipped by the parser).
 *
 * @param version            as received: "HTTP/1.0", "HTTP/1.1" (any "HTTP/1.d" is accepted)
 * @param status             100-599
 * @param reason             reason phrase as received (ISO-8859-1), possibly empty
 * @param fields             header fields in wire order
 * @param headerSectionBytes bytes of this head, status line through the empty line that ends it
 */
public record ResponseHead(String version, int status, String reason, List<HeaderField> fields, int headerSectionBytes)
        implements java.io.Serializable {

    public ResponseHead {
        fields = List.copyOf(fields);
    }

    /** The first field with this name, compared case-insensitively. */
    public Optional<String> first(String name) {
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }
}
