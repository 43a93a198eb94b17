package io.originwatch.evidence;

import io.originwatch.http1.RedactionRule;
import java.util.Collection;
import java.util.Objects;

/**
 * The daemon's one redaction rule ({@link RedactionRule}: a built-in name pattern plus
 * {@code originwatch.evidence.redact-headers}) as evidence and the API apply it: secret header
 * values become {@code [redacted]} (the name stays, byte counts stay real), URLs lose their
 * user-info and the values of secret query parameters, in configured URLs and in those the origin
 * sends back ({@code Location}, HAR {@code redirectURL}).
 */
public final class Redactor {

    /** What a redacted value becomes in a HAR, the API and logs. */
    public static final String REDACTED = RedactionRule.REDACTED;

    /** What a redacted value becomes in a curl line: a placeholder to fill in by hand. */
    public static final String PLACEHOLDER = "<redacted>";

    private final RedactionRule rule;

    /** @param extraNames configured header names, any case */
    public Redactor(Collection<String> extraNames) {
        this(new RedactionRule(extraNames));
    }

    public Redactor(RedactionRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public static Redactor defaults() {
        return new Redactor(RedactionRule.DEFAULT);
    }

    /** The rule itself, for the prober (failure excerpts) and anything below this layer. */
    public RedactionRule rule() {
        return rule;
    }

    public boolean redacts(String headerName) {
        return rule.secret(headerName);
    }

    /**
     * The value to show for this header: {@code [redacted]} for a secret name; otherwise the value
     * with any URL in it cleaned ({@code Location: /next?token=...} keeps its path).
     */
    public String harValue(String headerName, String value) {
        return redacts(headerName) ? REDACTED : rule.url(value);
    }

    /** A URL with user-info and secret query values replaced by {@code [redacted]}; null stays null. */
    public String url(String url) {
        return rule.url(url);
    }

    /** The same, with {@code <redacted>} placeholders, for a curl line. */
    public String curlUrl(String url) {
        return rule.url(url, PLACEHOLDER);
    }
}
