package io.originwatch.handover;

import io.originwatch.classify.Verdict;
import io.originwatch.origin.ProbeRecord;
import io.originwatch.probe.Evidence;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Set;

/**
 * The bytes of an {@link OriginSnapshot}: {@link #MAGIC} then the snapshot in Java serialization.
 * Rules:
 * <ol>
 * <li>No secret goes on the wire: the result is written without its {@code ProbeSpec} (request
 * headers can hold tokens) and without its evidence bytes (the raw request head holds them too);
 * the reader puts its own configured spec back, and its evidence starts with its own probes. The
 * only evidence carried is a {@link CarriedEvidence}: the last failing probe's HAR as the evidence
 * API serves it, already redacted.</li>
 * <li>Reading is allowlisted ({@link Filter}): records and enums of {@code io.originwatch} (a record
 * is built through its canonical constructor, so its checks run), and the few JDK types these
 * records use; nothing else is even instantiated. Depth, references and size are bounded.</li>
 * <li>A snapshot over {@link #MAX_BYTES} is neither written nor read.</li>
 * <li>Any problem reading one (foreign bytes, another origin's snapshot, a class not allowed, a
 * bound, a record's own check) is one {@link Refused} with a message naming the origin and why,
 * never a value: the caller logs it and keeps its own state; it is never fatal.</li>
 * </ol>
 */
public final class SnapshotCodec {

    /** Format 1. */
    static final byte[] MAGIC = {'O', 'W', 'S', '1'};
    /** 256 KiB: a result with the largest response head (header limits are at most 128 KiB) fits. */
    public static final int MAX_BYTES = 256 * 1024;

    static final int MAX_DEPTH = 16;
    static final int MAX_REFERENCES = 4_096;

    /** The JDK classes the snapshot's records are written with (java.time, immutable collections, addresses). */
    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.Enum",
            "java.time.Ser",
            "java.time.Instant",
            "java.time.Duration",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN",
            "java.util.CollSer",
            "java.util.Collections$UnmodifiableMap",
            "java.util.EnumMap",
            "java.net.SocketAddress",
            "java.net.InetSocketAddress",
            "java.net.InetAddress",
            "java.net.Inet4Address",
            "java.net.Inet6Address");

    /** The allowlist and bounds of one read; says what it refused. */
    static final class Filter implements ObjectInputFilter {
        String refused;

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH
                    || info.references() > MAX_REFERENCES
                    || info.streamBytes() > MAX_BYTES
                    || info.arrayLength() > MAX_BYTES) {
                refused =
                        "a bound (depth " + MAX_DEPTH + ", " + MAX_REFERENCES + " references, " + MAX_BYTES + " bytes)";
                return Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return Status.UNDECIDED;
            }
            if (allowed(c)) {
                return Status.ALLOWED;
            }
            refused = "class " + c.getName();
            return Status.REJECTED;
        }
    }

    private SnapshotCodec() {}

    /** A snapshot could not be read; the message names the origin and why, never a value. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static boolean allowed(Class<?> c) {
        if (c.isArray()) {
            return c == byte[].class || c == long[].class || c == Object[].class;
        }
        if (c.getName().startsWith("io.originwatch.")) {
            return c.isRecord()
                    || c.isEnum()
                    || (c.getSuperclass() != null && c.getSuperclass().isEnum());
        }
        return JDK_CLASSES.contains(c.getName());
    }

    /** The bytes of {@code snapshot}, its result stripped of spec and evidence (rule 1). */
    public static byte[] encode(OriginSnapshot snapshot) throws Refused {
        OriginSnapshot wire = new OriginSnapshot(
                snapshot.origin(),
                new ProbeRecord(withResult(
                        snapshot.latest().verdict(),
                        strip(snapshot.latest().verdict().result()))),
                snapshot.latestInMaintenance(),
                snapshot.failures(),
                snapshot.successes(),
                snapshot.lastCauseChange(),
                snapshot.alert(),
                snapshot.failing());
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        out.writeBytes(MAGIC);
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(wire);
        } catch (IOException e) {
            throw new Refused("snapshot of " + snapshot.origin() + " cannot be written: " + e);
        }
        if (out.size() > MAX_BYTES) {
            throw new Refused("snapshot of " + snapshot.origin() + " is " + out.size() + " bytes, over the limit of "
                    + MAX_BYTES);
        }
        return out.toByteArray();
    }

    /**
     * The snapshot of {@code origin} in {@code bytes}, with {@code spec} (this member's configured
     * one) put back into its result.
     */
    public static OriginSnapshot decode(String origin, byte[] bytes, ProbeSpec spec) throws Refused {
        if (bytes.length > MAX_BYTES) {
            throw new Refused(
                    "snapshot of " + origin + " is " + bytes.length + " bytes, over the limit of " + MAX_BYTES);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Refused("snapshot of " + origin + " is not an originwatch snapshot (format 1)");
        }
        Object read;
        Filter filter = new Filter();
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - MAGIC.length))) {
            in.setObjectInputFilter(filter);
            read = in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new Refused(
                    "snapshot of " + origin + " cannot be read: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")")
                            + (filter.refused == null ? "" : ", not allowed: " + filter.refused));
        }
        if (!(read instanceof OriginSnapshot s)) {
            throw new Refused("snapshot of " + origin + " holds a "
                    + (read == null ? "null" : read.getClass().getName()) + ", not a snapshot");
        }
        if (!s.origin().equals(origin)) {
            throw new Refused("snapshot kept under " + origin + " is another origin's");
        }
        if (s.latest().verdict().result().spec() != null) {
            throw new Refused("snapshot of " + origin + " carries a probe spec");
        }
        ProbeResult mine = withSpec(s.latest().verdict().result(), spec);
        return new OriginSnapshot(
                s.origin(),
                new ProbeRecord(withResult(s.latest().verdict(), mine)),
                s.latestInMaintenance(),
                s.failures(),
                s.successes(),
                s.lastCauseChange(),
                s.alert(),
                s.failing());
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static Verdict withResult(Verdict v, ProbeResult r) {
        return new Verdict(r, v.cause(), v.edgeStatus(), v.httpStatus(), v.warnings(), v.detail());
    }

    private static ProbeResult strip(ProbeResult r) {
        return copy(r, null, Evidence.none());
    }

    private static ProbeResult withSpec(ProbeResult r, ProbeSpec spec) {
        return copy(r, spec, r.evidence() == null ? Evidence.none() : r.evidence());
    }

    /** {@code r} with another spec and evidence, every other field as it is. */
    private static ProbeResult copy(ProbeResult r, ProbeSpec spec, Evidence evidence) {
        return new ProbeResult(
                spec,
                r.startedAt(),
                r.timings(),
                r.connectedAddress(),
                r.failure(),
                r.head(),
                r.headerBytes(),
                r.bodyBytes(),
                r.bodyEndedEarly(),
                r.bodyLimitReached(),
                r.tls(),
                evidence,
                r.httpVersion());
    }
}
