package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import java.util.List;

/** One configured allowlist: its name, where it is read from, and the CIDRs allowed on purpose. */
public record AllowlistDefinition(String name, AllowlistSource source, List<IPAddress> ignore) {

    public AllowlistDefinition {
        ignore = List.copyOf(ignore);
    }
}
