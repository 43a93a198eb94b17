package io.originwatch.edge;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference for drift tests, written without the ipaddress library: a CIDR is expanded into the
 * set of its addresses (as numbers, IPv6 offset by 2^32 so the families never collide), and the
 * minimal CIDR count of a set is found by splitting each run of consecutive addresses greedily into
 * the largest aligned blocks.
 */
public final class BruteForce {

    private static final BigInteger V6_OFFSET = BigInteger.ONE.shiftLeft(32);

    private BruteForce() {}

    public static Set<BigInteger> addresses(Collection<String> cidrs) {
        Set<BigInteger> out = new TreeSet<>();
        for (String c : cidrs) {
            String[] parts = c.split("/");
            byte[] raw;
            try {
                raw = InetAddress.getByName(parts[0]).getAddress(); // literal only: no DNS lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(c, e);
            }
            int bits = raw.length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            BigInteger base = new BigInteger(1, raw).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            long size = 1L << (bits - prefix);
            if (size > 1 << 20) {
                throw new IllegalArgumentException("too big for brute force: " + c);
            }
            BigInteger offset = raw.length == 16 ? V6_OFFSET : BigInteger.ZERO;
            for (long i = 0; i < size; i++) {
                out.add(base.add(BigInteger.valueOf(i)).add(offset));
            }
        }
        return out;
    }

    public static Set<BigInteger> minus(Set<BigInteger> a, Set<BigInteger> b) {
        Set<BigInteger> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    /** Fewest aligned power-of-two blocks that cover exactly the given addresses. */
    public static int minimalBlockCount(Set<BigInteger> addrs) {
        List<BigInteger> sorted = new TreeSet<>(addrs).stream().toList();
        int count = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size()
                    && sorted.get(j + 1).equals(sorted.get(j).add(BigInteger.ONE))) {
                j++;
            }
            BigInteger a = sorted.get(i);
            BigInteger end = sorted.get(j);
            while (a.compareTo(end) <= 0) {
                int k = 0;
                while (a.testBit(k) == false
                        && k < 32
                        && a.add(BigInteger.ONE.shiftLeft(k + 1))
                                        .subtract(BigInteger.ONE)
                                        .compareTo(end)
                                <= 0) {
                    k++;
                }
                a = a.add(BigInteger.ONE.shiftLeft(k));
                count++;
            }
            i = j + 1;
        }
        return count;
    }
}
