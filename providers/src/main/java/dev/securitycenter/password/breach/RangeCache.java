package dev.securitycenter.password.breach;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This node's recent range answers, keyed by hash prefix, each kept for a short time and at most {@code capacity}
 * of them (the least recently used goes first). A range is kept as the sorted first 64 bits of each breached
 * suffix: about 8 bytes per entry instead of a 35-character string, so a full cache of 1,024 ranges of ~1,000
 * entries stays near 8 MB. Two different suffixes sharing 64 bits is a 2^-64 chance per entry, a negligible
 * false refusal. Nodes need not agree on it: it only saves round trips to the same public data.
 */
final class RangeCache {

    private final int capacity;
    private final long ttlMillis;
    private final Map<String, Range> ranges;

    RangeCache(int capacity, long ttlMillis) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.ranges = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Range> eldest) {
                return size() > RangeCache.this.capacity;
            }
        };
    }

    synchronized Optional<Range> get(String prefix, long now) {
        Range range = ranges.get(prefix);
        if (range == null || now - range.fetchedAt >= ttlMillis) {
            return Optional.empty();
        }
        return Optional.of(range);
    }

    synchronized void put(String prefix, Range range) {
        if (capacity > 0) {
            ranges.put(prefix, range);
        }
    }

    /** The breached suffixes of one prefix. */
    static final class Range {

        private final long[] suffixes;
        private final long fetchedAt;

        Range(long[] suffixes, long fetchedAt) {
            this.suffixes = suffixes.clone();
            Arrays.sort(this.suffixes);
            this.fetchedAt = fetchedAt;
        }

        boolean contains(String suffix) {
            return Arrays.binarySearch(suffixes, key(suffix)) >= 0;
        }

        /** The first 16 hex digits of a 35-digit suffix as a number. */
        static long key(String suffix) {
            return Long.parseUnsignedLong(suffix.substring(0, 16), 16);
        }
    }
}
