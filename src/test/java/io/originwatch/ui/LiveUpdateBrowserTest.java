package io.originwatch.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ColorScheme;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live rows: with the overview open, the {@code flip} origin starts resetting connections, and its
 * row (and the counts) change through the event stream, without a reload.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class LiveUpdateBrowserTest {

    static final double WAIT_MILLIS = 30_000;

    @TestHTTPResource("/ui")
    URL overview;

    @ConfigProperty(name = "console-test.control-url")
    String control;

    @AfterEach
    void heal() {
        when().get(control + "ok").then().statusCode(200);
    }

    @Test
    void aRowChangesWithoutAReloadWhenItsOriginBreaks() {
        when().get(control + "ok").then().statusCode(200);
        try (Browser browser = new Browser();
                BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = browser.page(ctx);
            page.navigate(overview.toString());
            Locator row = page.locator("#o-flip");
            assertThat(row).containsText("ok", new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MILLIS));
            page.evaluate("window.__sameDocument = true");
            int failingBefore = Integer.parseInt(
                    page.locator("[data-count=failing]").textContent().strip());

            when().get(control + "reset").then().statusCode(200);

            assertThat(page.locator("#o-flip"))
                    .containsText(
                            "connection_reset", new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MILLIS));
            assertThat(page.locator("#o-flip td").nth(1)).hasText("520");
            assertThat(page.locator("[data-count=failing]"))
                    .hasText(
                            String.valueOf(failingBefore + 1),
                            new LocatorAssertions.HasTextOptions().setTimeout(WAIT_MILLIS));
            assertThat(page.evaluate("window.__sameDocument === true"))
                    .as("the page was not reloaded")
                    .isEqualTo(true);
            assertThat(browser.errors).isEmpty();
        }
    }
}
