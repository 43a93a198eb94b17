package io.originwatch.cluster;

/** For tests outside this package: stop a member without handing anything over, as a crash would. */
public final class Crash {

    private Crash() {}

    public static void terminate(ClusterMember member) {
        member.terminate();
    }
}
