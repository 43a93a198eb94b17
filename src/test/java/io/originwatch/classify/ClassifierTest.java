package io.originwatch.classify;

import static io.originwatch.classify.ClassifierCases.MISMATCH;
import static io.originwatch.classify.ClassifierCases.c;
import static io.originwatch.classify.Warning.CERTIFICATE_EXPIRING;
import static io.originwatch.classify.Warning.CERTIFICATE_INVALID;
import static io.originwatch.testing.ProbeBuilder.NOW;
import static io.originwatch.testing.ProbeBuilder.ok;
import static io.originwatch.testing.ProbeBuilder.parseFailed;
import static io.originwatch.testing.ProbeBuilder.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.classify.ClassifierCases.Case;
import io.originwatch.http1.ParseFailure;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cause, every warning and the rule order, over hand-built probe results. The tables live
 * beside this class, one per kind: {@link TransportCauses}, {@link ResponseCauses}, {@link H2Causes},
 * {@link WarningCases}, and the rule order and expect-status rows here.
 */
class ClassifierTest {

    static Stream<Case> all() {
        return Stream.of(
                        TransportCauses.cases(),
                        ResponseCauses.cases(),
                        H2Causes.cases(),
                        ruleOrderAndExpectStatus(),
                        WarningCases.cases())
                .flatMap(s -> s);
    }

    static Stream<Case> ruleOrderAndExpectStatus() {
        return Stream.of(
                c(
                        "rule order: certificate failure with tls-verify on beats a 200",
                        ok().certificate(NOW.plus(Duration.ofDays(60)), MISMATCH),
                        Cause.TLS_CERTIFICATE_INVALID,
                        526,
                        200,
                        MISMATCH),
                c(
                        "rule order: a head over this origin's limit beats its status",
                        ok().headerBytes(9214),
                        Cause.HEADERS_TOO_LARGE,
                        520,
                        200,
                        "header section 9214 bytes exceeds limit 8192"),
                c(
                        "rule order: parse failure plus invalid certificate with tls-verify off",
                        parseFailed(new ParseFailure.MalformedStatusLine("<"), 1)
                                .tlsVerifyOff()
                                .certificate(NOW.minus(Duration.ofDays(1)), "certificate expired on 2026-11-22"),
                        Cause.INVALID_RESPONSE,
                        520,
                        0,
                        null,
                        CERTIFICATE_INVALID),
                c(
                        "rule order: missing headers plus expiring certificate",
                        parseFailed(new ParseFailure.MissingHeaders("HTTP/1.1 200 OK", true), 17)
                                .certificate(NOW.plus(Duration.ofDays(3)), null),
                        Cause.MISSING_HEADERS,
                        520,
                        0,
                        null,
                        CERTIFICATE_EXPIRING),
                c("expect 200-399: 399 is ok", status(399, ""), Cause.OK, 399, 399, "status 399 in expected 200-399"),
                c(
                        "expect 200-399: 400 is unexpected",
                        status(400, "Bad Request"),
                        Cause.UNEXPECTED_STATUS,
                        400,
                        400,
                        null),
                c("expect 200-399: 199 is unexpected", status(199, "Odd"), Cause.UNEXPECTED_STATUS, 199, 199, null),
                c(
                        "expect 200-399: 101 is unexpected",
                        status(101, "Switching Protocols"),
                        Cause.UNEXPECTED_STATUS,
                        101,
                        101,
                        null),
                c(
                        "expect 200,301-302: 301 is ok",
                        status(301, "Moved").expect("200,301-302"),
                        Cause.OK,
                        301,
                        301,
                        "status 301 Moved in expected 200,301-302"),
                c(
                        "expect 200,301-302: 300 is unexpected",
                        status(300, "Multiple").expect("200,301-302"),
                        Cause.UNEXPECTED_STATUS,
                        300,
                        300,
                        "status 300 Multiple not in expected 200,301-302"),
                c(
                        "expect 500-599: a 503 maintenance page is ok",
                        status(503, "Maintenance").expect("500-599"),
                        Cause.OK,
                        503,
                        503,
                        null),
                c("expect 404 only: 200 is unexpected", ok().expect("404"), Cause.UNEXPECTED_STATUS, 200, 200, null));
    }

    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void classifies(Case c) {
        Verdict verdict = classifier.classify(c.probe().result(), NOW);

        assertThat(verdict.cause()).isEqualTo(c.cause());
        assertThat(verdict.edgeStatus()).isEqualTo(c.edgeStatus());
        assertThat(verdict.httpStatus()).isEqualTo(c.httpStatus());
        assertThat(verdict.warnings()).containsExactlyElementsOf(c.warnings());
        assertThat(verdict.up()).isEqualTo(c.cause() == Cause.OK);
        assertThat(verdict.detail()).isNotBlank().doesNotContain("\n");
        if (c.detail() != null) {
            assertThat(verdict.detail()).isEqualTo(c.detail());
        }
    }

    @Test
    void tablesCoverEveryCauseAndEveryWarning() {
        List<Case> all = all().toList();
        Set<Cause> causes =
                all.stream().map(Case::cause).collect(Collectors.toCollection(() -> EnumSet.noneOf(Cause.class)));
        Set<Warning> warnings = all.stream()
                .flatMap(c -> c.warnings().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Warning.class)));

        assertThat(causes).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Cause.class));
        assertThat(warnings).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Warning.class));
    }

    @Test
    void rulesAreListedInCatalogueOrder() {
        assertThat(CauseRules.ORDERED.stream().map(CauseRule::cause).toList()).containsExactly(Cause.values());
    }
}
