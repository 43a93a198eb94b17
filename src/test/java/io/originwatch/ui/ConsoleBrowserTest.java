package io.originwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.originwatch.evidence.HarSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The console in Debian's chromium on the demo lab: what an engineer paged at 3 a.m. must see on
 * each page, hostile bytes shown as text, every section readable with JavaScript off, and no axe
 * violation in either colour scheme. Screenshots go to {@code target/console/}.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleBrowserTest {

    static final Path SHOTS = Path.of("target", "console");

    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    List<Map<String, Object>> origins;

    @BeforeAll
    static void launch() throws Exception {
        browser = new Browser();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @BeforeEach
    void labReady() {
        origins = LabReady.origins();
        browser.errors.clear();
    }

    @Test
    void overviewListsEveryOriginWithItsCauseAndEdgeStatusAndTheCountsAddUp() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui");
            for (Map<String, Object> o : origins) {
                Locator row = page.locator("#o-" + css(o.get("name").toString()));
                assertThat(row.textContent())
                        .as("row of %s", o.get("name"))
                        .contains(o.get("cause").toString());
                Object edge = o.get("edgeStatus");
                assertThat(row.locator("td").nth(1).textContent()).isEqualTo(String.valueOf(edge));
            }
            int configured = count(page, "configured");
            int up = count(page, "up");
            int failing = count(page, "failing");
            int pending = count(page, "pending");
            assertThat(configured).isEqualTo(origins.size());
            assertThat(up + failing + pending).isEqualTo(configured);
            assertThat(sum(page, "[data-edge]")).isEqualTo(failing);
            assertThat(sum(page, "[data-cause]")).isEqualTo(failing);
            long failingNow = origins.stream()
                    .filter(o -> !(Boolean) o.get("up") && !o.get("cause").equals("pending"))
                    .count();
            assertThat(failing).isEqualTo((int) failingNow);
            assertThat(page.locator("#failing tbody tr").count()).isEqualTo(failing);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SHOTS.resolve("overview.png"))
                    .setFullPage(true));
            assertThat(browser.errors).isEmpty();
        }
    }

    @Test
    void headersTooLargeShowsTheBytesOverTheLimit() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui/origins/lab-headers-too-large");
            assertThat(page.locator("#verdict").textContent()).contains("the edge would answer 520: headers_too_large");
            assertThat(page.locator("#header-meter").textContent()).contains("8193 of 8192 bytes (over the limit)");
            assertThat(page.locator("#parse-failure").textContent())
                    .contains("headers_too_large at byte 8192")
                    .contains("exceeds 8192 bytes");
            Locator failing = page.locator("#response-head tr.failing");
            assertThat(failing.count()).isEqualTo(1);
            assertThat(failing.textContent()).contains("parser stopped here");
        }
    }

    @Test
    void missingHeadersShowsTheStatusLineOnly() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui/origins/lab-missing-headers");
            Locator rows = page.locator("#response-head tbody tr");
            assertThat(rows.count())
                    .as("the status line and the empty line that ends the head")
                    .isEqualTo(2);
            assertThat(rows.nth(0).locator("code").textContent()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(rows.nth(1).locator("code").textContent()).isEmpty();
            assertThat(rows.nth(1).getAttribute("class")).isEqualTo("failing");
            assertThat(rows.nth(1).textContent()).contains("with no header fields");
        }
    }

    @Test
    void invalidResponseMarksTheFailingLineWithTheParsersReason() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui/origins/lab-invalid-response");
            Locator failing = page.locator("#response-head tr.failing");
            assertThat(failing.count()).isEqualTo(1);
            assertThat(failing.locator("code").textContent()).isEqualTo("This line has no colon");
            assertThat(failing.locator(".reason").textContent()).contains("malformed header line 2");
            assertThat(failing.locator("td").nth(1).textContent())
                    .as("the line's offset")
                    .isEqualTo("42");
            assertThat(page.locator("#parse-failure").textContent())
                    .as("the space after 'This' is not a field-name byte")
                    .contains("malformed_header at byte 46");
        }
    }

    @Test
    void tlsCertificateInvalidShowsTheValidationErrorAndTheNames() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui/origins/lab-tls-certificate-invalid");
            assertThat(page.locator("#verdict").textContent()).contains("526: tls_certificate_invalid");
            assertThat(page.locator("#tls-error").textContent())
                    .startsWith("failed: ")
                    .hasSizeGreaterThan(20);
            assertThat(page.locator("#tls-names").textContent()).contains("tls-certificate-invalid");
        }
    }

    @Test
    void connectionResetStopsTheWaterfallInTheWaitPhase() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui/origins/lab-connection-reset");
            Locator stopped = page.locator("#waterfall tr.stopped");
            assertThat(stopped.count()).isEqualTo(1);
            assertThat(stopped.getAttribute("data-phase")).isEqualTo("wait");
            assertThat(stopped.textContent()).contains("probe stopped in wait: connection_reset");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SHOTS.resolve("origin-connection-reset.png"))
                    .setFullPage(true));
            assertThat(browser.errors).isEmpty();
        }
    }

    @Test
    void theLastFailingHarDownloadsAndIsValidHar12() throws Exception {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui/origins/lab-connection-reset");
            Download download = page.waitForDownload(() -> page.locator(
                            "#downloads a", new Page.LocatorOptions().setHasText("HAR of the last failing probe"))
                    .click());
            byte[] json = Files.readAllBytes(download.path());
            assertThat(HarSchema.errors(json)).as("HAR 1.2 schema").isEmpty();
            assertThat(download.suggestedFilename())
                    .startsWith("lab-connection-reset-")
                    .endsWith(".har");
            JsonNode entry = HarSchema.MAPPER.readTree(json).at("/log/entries/0");
            assertThat(entry.get("_cause").asText()).isEqualTo("connection_reset");
        }
    }

    @Test
    void alertsLinkToTheOriginPage() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = open(ctx, "/ui/alerts");
            Locator alert = page.locator("#alert-lab-connection-reset");
            assertThat(alert.textContent()).contains("connection_reset").contains("520");
            alert.locator("a").first().click();
            page.waitForURL("**/ui/origins/lab-connection-reset");
            assertThat(page.locator("#verdict").textContent()).contains("connection_reset");
            assertThat(browser.errors).isEmpty();
        }
    }

    @Test
    void hostileBytesAreShownAsTextNeverRun() {
        List<String> dialogs = new ArrayList<>();
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            for (String path : List.of("/ui/origins/hostile", "/ui")) {
                Page page = browser.page(ctx);
                page.onDialog(d -> {
                    dialogs.add(d.message());
                    d.dismiss();
                });
                page.navigate(url(path));
                page.waitForLoadState();
                String text = page.locator("main").textContent();
                assertThat(text).as(path).contains(ConsoleOrigins.SCRIPT);
                if (path.startsWith("/ui/origins")) {
                    assertThat(text).contains(ConsoleOrigins.IMG).contains(ConsoleOrigins.BODY);
                }
                assertThat(page.locator("main img").count())
                        .as("no img element on " + path)
                        .isZero();
                assertThat(page.locator("main script").count()).isZero();
                assertThat(page.locator("main b").count()).isZero();
            }
        }
        assertThat(dialogs).as("alerts raised by hostile bytes").isEmpty();
        assertThat(browser.errors).as("console errors and CSP violations").isEmpty();
    }

    @Test
    void everySectionIsReadableWithJavaScriptOff() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, false)) {
            Page page = open(ctx, "/ui");
            for (String id : List.of("counts", "health", "filters", "failing", "others")) {
                assertThat(page.locator("#" + id + " h2").isVisible()).as(id).isTrue();
            }
            assertThat(page.locator("#o-lab-connection-reset").textContent()).contains("connection_reset");
            page = open(ctx, "/ui/origins/lab-connection-reset");
            for (String id : List.of(
                    "verdict",
                    "curl",
                    "waterfall",
                    "response",
                    "request",
                    "tls",
                    "edge",
                    "history",
                    "allowlists",
                    "downloads",
                    "config")) {
                assertThat(page.locator("#" + id + " h2").isVisible()).as(id).isTrue();
            }
            assertThat(page.locator("#verdict").textContent()).contains("connection_reset");
            assertThat(page.locator("#curl-line").textContent()).startsWith("curl");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ColorScheme.class,
            names = {"LIGHT", "DARK"})
    void noAccessibilityViolations(ColorScheme scheme) {
        try (BrowserContext ctx = browser.context(scheme, true)) {
            for (String path : List.of(
                    "/ui",
                    "/ui/origins/lab-connection-reset",
                    "/ui/origins/lab-headers-too-large",
                    "/ui/origins/lab-tls-certificate-invalid",
                    "/ui/origins/hostile",
                    "/ui/edge",
                    "/ui/alerts",
                    "/ui/maintenance")) {
                Page page = open(ctx, path);
                List<Rule> violations = new AxeBuilder(page)
                        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                        .analyze()
                        .getViolations();
                assertThat(violations)
                        .as("%s in %s: %s", path, scheme, describe(violations))
                        .isEmpty();
            }
            if (scheme == ColorScheme.DARK) {
                open(ctx, "/ui/origins/lab-connection-reset")
                        .screenshot(new Page.ScreenshotOptions()
                                .setPath(SHOTS.resolve("origin-connection-reset-dark.png"))
                                .setFullPage(true));
            }
        }
    }

    private Page open(BrowserContext ctx, String path) {
        Page page = browser.page(ctx);
        page.navigate(url(path));
        page.waitForLoadState();
        return page;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static int count(Page page, String name) {
        return Integer.parseInt(
                page.locator("[data-count=" + name + "]").textContent().strip());
    }

    private static int sum(Page page, String selector) {
        return page.locator(selector).allTextContents().stream()
                .mapToInt(s -> Integer.parseInt(s.strip()))
                .sum();
    }

    private static String css(String name) {
        return name.replace(".", "\\.");
    }

    private static String describe(List<Rule> violations) {
        StringBuilder s = new StringBuilder();
        for (Rule r : violations) {
            s.append("\n  ").append(r.getId()).append(": ").append(r.getHelp());
            r.getNodes().stream()
                    .limit(3)
                    .forEach(n ->
                            s.append("\n    ").append(n.getTarget()).append(" ").append(n.getFailureSummary()));
        }
        return s.toString();
    }
}
