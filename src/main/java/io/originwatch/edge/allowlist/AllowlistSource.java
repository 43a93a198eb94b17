package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * Where one allowlist's addresses come from: a file here, the Kubernetes API in the framework layer.
 * {@link #read()} is called on every check, so an implementation should be cheap when nothing changed.
 */
public interface AllowlistSource {

    /** Human-readable origin for the API and logs, e.g. {@code file:/etc/nginx/cf.conf (nginx)}. */
    String describe();

    /** The admitted addresses; a failure carries a message naming what is wrong and where. */
    List<IPAddress> read() throws AllowlistParseException;
}
