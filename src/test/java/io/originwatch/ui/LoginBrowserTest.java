package io.originwatch.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.Cookie;
import io.originwatch.api.ApiTokenFilter;
import io.originwatch.evidence.HarSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@code originwatch.api.token} set: evidence downloads only after logging in through the
 * console's form, which sets an HttpOnly, SameSite=Strict cookie the API accepts; writes without a
 * session go to the login form, and cross-site writes are refused even with one.
 */
@QuarkusTest
@TestProfile(ConsoleTokenProfile.class)
class LoginBrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** The login form, empty and after a wrong token, has no axe violation in either scheme. */
    @Test
    void theLoginPageHasNoAccessibilityViolationsInEitherScheme() {
        try (Browser browser = new Browser()) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                try (BrowserContext ctx = browser.context(scheme, true)) {
                    Page page = browser.page(ctx);
                    page.navigate(url("/ui/login?next=/ui"));
                    assertThat(violations(page)).as("%s, empty form", scheme).isEmpty();
                    page.locator("#token").fill("wrong");
                    page.locator("button[type=submit]").click();
                    assertThat(page.locator("#login-error").textContent()).contains("not the token");
                    assertThat(violations(page))
                            .as("%s, after a wrong token", scheme)
                            .isEmpty();
                }
            }
            assertThat(browser.errors)
                    .as("console errors and CSP violations (the wrong token's 401 aside)")
                    .allMatch(e -> e.contains(" 401"));
        }
    }

    private static List<String> violations(Page page) {
        return new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze().getViolations().stream()
                        .map(v -> v.getId() + " " + v.getNodes().get(0).getTarget())
                        .toList();
    }

    @Test
    void theHarDownloadsOnlyAfterLogin() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "unexpected_status"
                        .equals(given().auth()
                                .oauth2(ConsoleTokenProfile.TOKEN)
                                .get("/api/origins/hostile")
                                .path("cause")));
        try (Browser browser = new Browser();
                BrowserContext ctx = browser.context(ColorScheme.LIGHT, true)) {
            Page page = browser.page(ctx);
            String har = url("/api/origins/hostile/har?failing=true");
            assertThat(ctx.request().get(har).status()).as("before login").isEqualTo(401);

            // the page itself needs the session: the browser lands on the login form, which comes back
            page.navigate(url("/ui/origins/hostile"));
            page.waitForURL("**/ui/login?next=%2Fui%2Forigins%2Fhostile");
            page.locator("#token").fill("wrong");
            page.locator("button[type=submit]").click();
            assertThat(page.locator("#login-error").textContent()).contains("not the token");
            assertThat(ctx.cookies()).isEmpty();

            page.locator("#token").fill(ConsoleTokenProfile.TOKEN);
            page.locator("button[type=submit]").click();
            page.waitForURL("**/ui/origins/hostile");
            Cookie session = ctx.cookies().get(0);
            assertThat(session.name).isEqualTo(ApiTokenFilter.COOKIE);
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite).hasToString("STRICT");
            assertThat(session.value).as("the cookie is not the token").doesNotContain(ConsoleTokenProfile.TOKEN);

            Download download = page.waitForDownload(() -> page.locator(
                            "#downloads a", new Page.LocatorOptions().setHasText("HAR of the last failing probe"))
                    .click());
            assertThat(HarSchema.errors(Files.readAllBytes(download.path()))).isEmpty();
        }
    }

    @Test
    void writesNeedASessionAndAreRefusedCrossSite() {
        given().redirects()
                .follow(false)
                .when()
                .post("/ui/origins/hostile/probe")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/ui/login?next=%2Fui%2Forigins%2Fhostile"));
        String cookie = ApiTokenFilter.cookieValue(ConsoleTokenProfile.TOKEN);
        given().redirects()
                .follow(false)
                .cookie(ApiTokenFilter.COOKIE, cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .when()
                .post("/ui/origins/hostile/probe")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .cookie(ApiTokenFilter.COOKIE, cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .when()
                .post("/ui/origins/hostile/probe")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/ui/origins/hostile#verdict"));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
