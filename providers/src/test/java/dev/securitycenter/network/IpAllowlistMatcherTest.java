package dev.securitycenter.network;

import dev.securitycenter.policy.IpRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpAllowlistMatcherTest {

    @Test
    void matchesAddressesInsideAnyRangeOfTheirFamily() throws Exception {
        IpAllowlistMatcher matcher = IpAllowlistMatcher.compile(List.of(IpRange.parse("10.0.0.0/24"),
                IpRange.parse("192.168.1.100"), IpRange.parse("2001:db8::/32"), IpRange.parse("::1")));
        assertTrue(matcher.allows("10.0.0.0"));
        assertTrue(matcher.allows("10.0.0.255"));
        assertFalse(matcher.allows("10.0.1.0"));
        assertTrue(matcher.allows("192.168.1.100"));
        assertFalse(matcher.allows("192.168.1.101"));
        assertTrue(matcher.allows("2001:db8:ffff:ffff::1"));
        assertTrue(matcher.allows("0:0:0:0:0:0:0:1"), "Keycloak reports ::1 in full form");
        assertFalse(matcher.allows("2001:db9::1"));
        assertFalse(matcher.allows("::ffff:10.0.1.1"));
        assertTrue(matcher.allows("::ffff:10.0.0.1"), "an IPv4-mapped address is its IPv4 address");
        assertFalse(matcher.allows("not-an-address"));
        assertFalse(matcher.allows(""));
        assertFalse(matcher.allows(null));
    }

    @Test
    void overlappingAndAdjacentRangesMerge() throws Exception {
        IpAllowlistMatcher matcher = IpAllowlistMatcher.compile(List.of(IpRange.parse("10.0.0.0/25"),
                IpRange.parse("10.0.0.128/25"), IpRange.parse("10.0.0.7"), IpRange.parse("ffff::/16"),
                IpRange.parse("ffff:1::/32")));
        assertEquals(2, matcher.size());
        assertTrue(matcher.allows("10.0.0.200"));
        assertTrue(matcher.allows("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), "unsigned comparison at the top");
    }

    @Test
    void agreesWithALinearScanOnRandomLists() throws Exception {
        Random random = new Random(7);
        List<IpRange> ranges = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int prefix = 8 + random.nextInt(25);
            long base = (random.nextLong() & 0xffffffffL) >>> (32 - prefix) << (32 - prefix);
            ranges.add(IpRange.parse(ipv4(base) + "/" + prefix));
        }
        IpAllowlistMatcher matcher = IpAllowlistMatcher.compile(ranges);
        for (int i = 0; i < 20_000; i++) {
            String address = ipv4(random.nextLong() & 0xffffffffL);
            IpRange single = IpRange.parse(address);
            boolean linear = ranges.stream().anyMatch(r -> r.contains(single));
            assertEquals(linear, matcher.allows(address), address);
        }
    }

    @Test
    void parsesOnlyDottedQuads() {
        assertEquals(0x7f000001L, IpAllowlistMatcher.parseIpv4("127.0.0.1"));
        assertEquals(-1, IpAllowlistMatcher.parseIpv4("256.0.0.1"));
        assertEquals(-1, IpAllowlistMatcher.parseIpv4("1.2.3"));
        assertEquals(-1, IpAllowlistMatcher.parseIpv4("1..2.3"));
        assertEquals(-1, IpAllowlistMatcher.parseIpv4("::1"));
    }

    private static String ipv4(long v) {
        return (v >> 24 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 8 & 0xff) + "." + (v & 0xff);
    }
}
