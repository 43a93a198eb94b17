package io.originwatch.edge.ranges;

import inet.ipaddr.IPAddress;
import java.util.List;

/** The verdict on a fetched list: accepted blocks, or the reason it must not replace the last good one. */
public sealed interface Validation {

    record Accepted(List<IPAddress> blocks) implements Validation {
        public Accepted {
            blocks = List.copyOf(blocks);
        }
    }

    record Rejected(String reason) implements Validation {}
}
