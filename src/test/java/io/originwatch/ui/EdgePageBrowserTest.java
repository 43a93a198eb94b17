package io.originwatch.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /ui/edge} on a loopback range list (4 IPv4 and 1 IPv6 block) with two allowlists: {@code web}
 * in drift and {@code broken} unreadable (see {@link ConsoleEdge}).
 */
@QuarkusTest
@WithTestResource(ConsoleEdge.class)
class EdgePageBrowserTest {

    static Browser browser;

    @TestHTTPResource("/ui/edge")
    URL edge;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void showsTheRangesTheDriftAndTheFixAndRefreshesOnRequest() {
        try (BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = browser.page(ctx);
            page.navigate(edge.toString());
            // the page shows what the API says
            List<String> ipv4 = when().get("/api/edge/ranges").then().extract().path("ipv4");
            List<String> ipv6 = when().get("/api/edge/ranges").then().extract().path("ipv6");
            assertThat(page.locator("#range-counts")).hasText(ipv4.size() + " IPv4, " + ipv6.size() + " IPv6");
            List<String> missing =
                    when().get("/api/allowlists").then().extract().path("find { it.name == 'web' }.missing");
            List<String> extra = when().get("/api/allowlists").then().extract().path("find { it.name == 'web' }.extra");
            Locator web = page.locator("#allowlist-web");
            assertThat(missing).as("the fixture is in drift").isNotEmpty();
            for (String cidr : missing) {
                assertThat(web.locator("pre").first()).containsText(cidr);
            }
            assertThat(extra).contains("198.51.100.0/24");
            assertThat(web).containsText("198.51.100.0/24");
            web.locator("summary", new Locator.LocatorOptions().setHasText("Fix as nginx"))
                    .click();
            assertThat(page.locator("#fix-web-nginx")).containsText("allow " + missing.get(0) + ";");
            assertThat(page.locator("#allowlist-broken .bad")).containsText("104.24.0.0/14 oops");

            page.locator("button", new Page.LocatorOptions().setHasText("Refresh now"))
                    .click();
            page.waitForURL("**/ui/edge#ranges");
            assertThat(page.locator("#last-refresh")).containsText("unchanged");
            assertThat(browser.errors).isEmpty();
        }
    }

    @Test
    void noAccessibilityViolationsInEitherScheme() {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            try (BrowserContext ctx = browser.context(scheme, true)) {
                Page page = browser.page(ctx);
                page.navigate(edge.toString());
                page.locator("details").all().forEach(d -> d.locator("summary").click());
                var violations = new AxeBuilder(page)
                        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                        .analyze()
                        .getViolations();
                assertThat(violations)
                        .as(
                                "%s: %s",
                                scheme,
                                violations.stream()
                                        .map(v -> v.getId() + " "
                                                + v.getNodes().get(0).getTarget())
                                        .toList())
                        .isEmpty();
            }
        }
    }
}
