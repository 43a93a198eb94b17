package io.originwatch.ui;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A browser's event stream that opens after a row changed (a slow page load) or reopens after a
 * drop still gets that row: the page names the change sequence it was rendered at, and the stream
 * sends what changed after it (or after the {@code Last-Event-ID} of a reconnect). Before, rows
 * were only broadcast as they changed, and a stream connected a moment later showed the old row
 * until a reload.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class LiveCatchUpTest {

    private static final Pattern AFTER = Pattern.compile("sse-connect=\"/ui/events\\?after=(\\d+)\"");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/ui/events")
    URL events;

    @ConfigProperty(name = "console-test.control-url")
    String control;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void heal() {
        when().get(control + "ok").then().statusCode(200);
    }

    @Test
    void aStreamOpenedAfterTheChangeGetsTheRowAndAReconnectGetsOnlyWhatItMissed() throws Exception {
        when().get(control + "ok").then().statusCode(200);
        await().atMost(WAIT).until(() -> cause().equals("ok"));
        String page = get("/ui").then().statusCode(200).extract().asString();
        Matcher m = AFTER.matcher(page);
        assertThat(m.find())
                .as("the overview names its sequence in sse-connect")
                .isTrue();
        long renderedAt = Long.parseLong(m.group(1));

        when().get(control + "reset").then().statusCode(200);
        await().atMost(WAIT).until(() -> cause().equals("connection_reset"));
        // the change is recorded (and broadcast to nobody) before this stream exists
        List<String> caughtUp = readUntil(URI.create(events + "?after=" + renderedAt), null, "connection_reset");
        String id = lastId(caughtUp);
        assertThat(id).as("events carry their sequence as id").isNotNull();
        assertThat(Long.parseLong(id)).isGreaterThan(renderedAt);

        // a reconnect that saw everything gets no row again, only later changes
        when().get(control + "ok").then().statusCode(200);
        await().atMost(WAIT).until(() -> cause().equals("ok"));
        List<String> reconnected = readUntil(URI.create(events + "?after=" + renderedAt), id, "badge ok\">ok<");
        assertThat(flipData(reconnected))
                .as("a reconnect after the reset row is not sent the reset again")
                .noneMatch(d -> d.contains("connection_reset"));
    }

    private static String cause() {
        return get("/api/origins/flip").then().statusCode(200).extract().path("cause");
    }

    /** Lines of the stream up to the first {@code o-flip} event whose data matches {@code wanted}. */
    private List<String> readUntil(URI uri, String lastEventId, String wanted) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            r.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(r.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Pattern want = Pattern.compile(wanted);
        List<String> seen = new ArrayList<>();
        CompletableFuture<List<String>> found = CompletableFuture.supplyAsync(() -> {
            Iterator<String> lines = response.body().iterator();
            boolean flipEvent = false;
            while (lines.hasNext()) {
                String line = lines.next();
                synchronized (seen) {
                    seen.add(line);
                }
                if (line.startsWith("event:")) {
                    flipEvent = line.substring(6).strip().equals("o-flip");
                } else if (flipEvent
                        && line.startsWith("data:")
                        && want.matcher(line).find()) {
                    return seen;
                } else if (line.isEmpty()) {
                    flipEvent = false;
                }
            }
            return seen;
        });
        try {
            return found.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            synchronized (seen) {
                throw new AssertionError(
                        "no o-flip event matching " + wanted + " within " + WAIT + "; stream: " + seen);
            }
        } finally {
            response.body().close();
        }
    }

    /** The data lines of the stream's {@code o-flip} events. */
    private static List<String> flipData(List<String> lines) {
        List<String> data = new ArrayList<>();
        boolean flipEvent = false;
        for (String line : lines) {
            if (line.startsWith("event:")) {
                flipEvent = line.substring(6).strip().equals("o-flip");
            } else if (flipEvent && line.startsWith("data:")) {
                data.add(line);
            } else if (line.isEmpty()) {
                flipEvent = false;
            }
        }
        return data;
    }

    private static String lastId(List<String> lines) {
        String id = null;
        for (String line : lines) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            }
        }
        return id;
    }
}
