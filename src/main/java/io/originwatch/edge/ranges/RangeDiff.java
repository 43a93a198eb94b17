package io.originwatch.edge.ranges;

import inet.ipaddr.IPAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What changed between two good lists, entry by entry (as published, not as address sets). */
public record RangeDiff(List<IPAddress> added, List<IPAddress> removed) {

    public RangeDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public static RangeDiff between(EdgeRanges before, EdgeRanges after) {
        Set<IPAddress> old = before == null ? Set.of() : new HashSet<>(before.all());
        Set<IPAddress> now = new HashSet<>(after.all());
        List<IPAddress> added =
                after.all().stream().filter(a -> !old.contains(a)).toList();
        List<IPAddress> removed = before == null
                ? List.of()
                : before.all().stream().filter(a -> !now.contains(a)).toList();
        return new RangeDiff(added, removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    @Override
    public String toString() {
        return "added=" + added + " removed=" + removed;
    }
}
