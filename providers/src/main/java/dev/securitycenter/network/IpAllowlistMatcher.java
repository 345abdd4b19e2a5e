package dev.securitycenter.network;

import dev.securitycenter.policy.IpRange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An allowlist compiled for lookups: the ranges of each family merged into sorted, disjoint intervals and searched
 * by bisection, so a lookup costs O(log n) however many entries the list holds. IPv6 addresses are two unsigned
 * 64-bit halves. Immutable and safe to share between threads.
 */
public final class IpAllowlistMatcher {

    private final long[] v4Start;
    private final long[] v4End;
    private final long[] v6StartHi;
    private final long[] v6StartLo;
    private final long[] v6EndHi;
    private final long[] v6EndLo;

    private IpAllowlistMatcher(List<long[]> v4, List<long[]> v6) {
        v4Start = v4.stream().mapToLong(r -> r[0]).toArray();
        v4End = v4.stream().mapToLong(r -> r[1]).toArray();
        v6StartHi = v6.stream().mapToLong(r -> r[0]).toArray();
        v6StartLo = v6.stream().mapToLong(r -> r[1]).toArray();
        v6EndHi = v6.stream().mapToLong(r -> r[2]).toArray();
        v6EndLo = v6.stream().mapToLong(r -> r[3]).toArray();
    }

    public static IpAllowlistMatcher compile(List<IpRange> ranges) {
        List<long[]> v4 = new ArrayList<>();
        List<long[]> v6 = new ArrayList<>();
        for (IpRange range : ranges) {
            if (range.ipv6()) {
                v6.add(new long[]{hi(range.first()), lo(range.first()), hi(range.last()), lo(range.last())});
            } else {
                v4.add(new long[]{range.first().longValue(), range.last().longValue()});
            }
        }
        return new IpAllowlistMatcher(mergeV4(v4), mergeV6(v6));
    }

    public int size() {
        return v4Start.length + v6StartHi.length;
    }

    /** Whether a literal address (as Keycloak reports a connection's address) is on the list. */
    public boolean allows(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        long v4 = parseIpv4(address);
        if (v4 >= 0) {
            return containsV4(v4);
        }
        return IpRange.address(address)
                .map(range -> range.ipv6() ? containsV6(hi(range.first()), lo(range.first()))
                        : containsV4(range.first().longValue()))
                .orElse(false);
    }

    private boolean containsV4(long address) {
        int low = 0;
        int high = v4Start.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (address < v4Start[mid]) {
                high = mid - 1;
            } else if (address > v4End[mid]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private boolean containsV6(long hi, long lo) {
        int low = 0;
        int high = v6StartHi.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (compare(hi, lo, v6StartHi[mid], v6StartLo[mid]) < 0) {
                high = mid - 1;
            } else if (compare(hi, lo, v6EndHi[mid], v6EndLo[mid]) > 0) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Dotted-quad IPv4 without allocation; -1 when the text is anything else. */
    static long parseIpv4(String text) {
        long value = 0;
        int octet = -1;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = octet < 0 ? c - '0' : octet * 10 + (c - '0');
                if (octet > 255) {
                    return -1;
                }
            } else if (c == '.' && octet >= 0 && dots < 3) {
                value = value << 8 | octet;
                octet = -1;
                dots++;
            } else {
                return -1;
            }
        }
        return dots == 3 && octet >= 0 ? value << 8 | octet : -1;
    }

    private static List<long[]> mergeV4(List<long[]> ranges) {
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : ranges) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        return merged;
    }

    private static List<long[]> mergeV6(List<long[]> ranges) {
        ranges.sort((a, b) -> compare(a[0], a[1], b[0], b[1]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : ranges) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && compare(r[0], r[1], last[2], last[3]) <= 0) {
                if (compare(r[2], r[3], last[2], last[3]) > 0) {
                    last[2] = r[2];
                    last[3] = r[3];
                }
            } else {
                merged.add(r.clone());
            }
        }
        return merged;
    }

    private static int compare(long aHi, long aLo, long bHi, long bLo) {
        int high = Long.compareUnsigned(aHi, bHi);
        return high != 0 ? high : Long.compareUnsigned(aLo, bLo);
    }

    private static long hi(BigInteger value) {
        return value.shiftRight(64).longValue();
    }

    private static long lo(BigInteger value) {
        return value.longValue();
    }
}
