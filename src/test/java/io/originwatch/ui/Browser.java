package io.originwatch.ui;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright, for the console's browser tests. No browser is ever
 * downloaded ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}); the Playwright driver runs on the machine's
 * Node.js (the pom excludes the driver-bundle of Node binaries). A missing chromium or Node fails
 * the test: the console is only tested when a real browser renders it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final List<String> ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    /** What a page logged as an error, and every CSP violation it reported. */
    final List<String> errors = new ArrayList<>();

    Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    CHROMIUM + " not found: install Debian's chromium (apt-get install chromium; .ci/run does)");
        }
        String node = node();
        System.setProperty("playwright.nodejs.path", node);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_NODEJS_PATH", node)));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
    }

    /** A fresh context (no cookies), in the given colour scheme, JavaScript on or off. */
    BrowserContext context(ColorScheme scheme, boolean javaScript) {
        return browser.newContext(new NewContextOptions()
                .setColorScheme(scheme)
                .setJavaScriptEnabled(javaScript)
                .setAcceptDownloads(true)
                .setViewportSize(1280, 900));
    }

    /** A page that records console errors, page errors and CSP violations into {@link #errors}. */
    Page page(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add("console: " + m.text());
            }
        });
        page.onPageError(e -> errors.add("page error: " + e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                errors.add("HTTP " + r.status() + " " + r.url());
            }
        });
        // Chromium logs a refused inline script or style as a console error too; this catches every kind
        page.addInitScript("document.addEventListener('securitypolicyviolation', e =>"
                + " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return page;
    }

    /** The Playwright driver's package.json asks for Node.js 20 or newer. */
    static final int MIN_NODE_MAJOR = 20;

    private static String node() {
        String node = findNode();
        try {
            Process p = new ProcessBuilder(node, "--version")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
            if (major < MIN_NODE_MAJOR) {
                throw new IllegalStateException(node + " is Node.js " + version + "; the Playwright driver needs "
                        + MIN_NODE_MAJOR + "+ (set PLAYWRIGHT_NODEJS_PATH)");
            }
        } catch (java.io.IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot run " + node + " --version: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return node;
    }

    private static String findNode() {
        String given = System.getenv("PLAYWRIGHT_NODEJS_PATH");
        if (given != null && Files.isExecutable(Path.of(given))) {
            return given;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                "no node on PATH: the Playwright driver needs Node.js (apt-get install nodejs)");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
