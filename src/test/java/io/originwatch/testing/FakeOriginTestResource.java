package io.originwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A Quarkus test resource around one {@link FakeOrigin}: starts it on loopback port 0, asks the
 * subclass for the configuration that points origins at it, and closes it when the tests end.
 */
public abstract class FakeOriginTestResource implements QuarkusTestResourceLifecycleManager {

    private FakeOrigin origin;

    @Override
    public final Map<String, String> start() {
        try {
            origin = new FakeOrigin();
            return config(origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration overrides for origins served by {@code origin}. */
    protected abstract Map<String, String> config(FakeOrigin origin) throws IOException;

    @Override
    public void stop() {
        try {
            origin.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
