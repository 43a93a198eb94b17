package io.originwatch.app;

import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The one line a person starting the daemon needs: where to look, once it is really up (the origins
 * scheduled and the HTTP server listening, in whichever order the two happen; Quarkus fires
 * {@link HttpServerStart} asynchronously). The web console is
 * named only when a resource is mounted at {@code /ui}, so the line never points at a 404.
 */
@ApplicationScoped
public class WhereToLook {

    private static final Logger LOG = Logger.getLogger(WhereToLook.class);

    @Inject
    Instance<HttpServer> http;

    @Inject
    BeanManager beans;

    private boolean scheduled;
    private boolean listening;

    /** Called by the daemon once its origins are scheduled. */
    synchronized void scheduled() {
        scheduled = true;
        announceOnceUp();
    }

    synchronized void onHttpStart(@ObservesAsync HttpServerStart event) {
        listening = true;
        announceOnceUp();
    }

    private void announceOnceUp() {
        if (!scheduled || !listening) {
            return;
        }
        String base = "http://localhost:" + http.get().getPort();
        LOG.infof(
                "originwatch is up: API %s/api/origins, metrics %s/q/metrics%s",
                base, base, hasConsole() ? ", web UI " + base + "/ui" : "");
    }

    private boolean hasConsole() {
        Set<Bean<?>> all = beans.getBeans(Object.class, Any.Literal.INSTANCE);
        return all.stream()
                .map(b -> b.getBeanClass().getAnnotation(Path.class))
                .anyMatch(
                        p -> p != null && (p.value().equals("/ui") || p.value().startsWith("/ui/")));
    }
}
