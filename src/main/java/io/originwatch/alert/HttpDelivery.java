package io.originwatch.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** POSTs one JSON body and turns the outcome into success or a (retryable or not) DeliveryException. */
final class HttpDelivery {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR_BODY_CHARS = 200;

    private HttpDelivery() {}

    static void post(HttpClient client, URI url, byte[] body, Map<String, String> headers, Duration timeout)
            throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "originwatch")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("POST " + url + ": " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("POST " + url + ": interrupted", true, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String text = response.body();
        if (text.length() > MAX_ERROR_BODY_CHARS) {
            text = text.substring(0, MAX_ERROR_BODY_CHARS) + "...";
        }
        boolean retryable = status >= 500 || status == 408 || status == 429;
        throw new DeliveryException("POST " + url + ": HTTP " + status + " " + text.strip(), retryable);
    }
}
