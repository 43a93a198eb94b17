package io.originwatch.api;

import io.originwatch.cluster.ClusterMember;
import io.originwatch.schedule.OriginRegistry;
import io.originwatch.schedule.OriginState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/cluster}: the cluster as this member sees it; addresses as {@code host:port}.
 * Standalone: {@code enabled} false, no name, self or members, and {@code quorum} true.
 */
public record ClusterView(boolean enabled, String name, String self, List<MemberView> members, boolean quorum) {

    /** One member and how many origins it owns now. */
    public record MemberView(String address, boolean self, int origins) {}

    static final ClusterView STANDALONE = new ClusterView(false, null, null, List.of(), true);

    static ClusterView of(ClusterMember member, OriginRegistry registry) {
        Map<String, Integer> owned = new HashMap<>();
        for (OriginState s : registry.all()) {
            member.ownerOf(s.origin().name()).ifPresent(a -> owned.merge(a, 1, Integer::sum));
        }
        String self = member.self();
        List<MemberView> members = member.memberAddresses().stream()
                .map(a -> new MemberView(a, a.equals(self), owned.getOrDefault(a, 0)))
                .toList();
        return new ClusterView(true, member.name(), self, members, member.quorum());
    }
}
