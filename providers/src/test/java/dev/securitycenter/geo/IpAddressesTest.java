package dev.securitycenter.geo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IpAddressesTest {

    @Test
    void ipv6IsShownInItsShortForm() {
        assertEquals("::1", IpAddresses.canonical("0:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1", IpAddresses.canonical("2001:DB8:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", IpAddresses.canonical("2001:db8:0:1:1:1:1:1"), "one zero group stays");
        assertEquals("2001:db8::1:0:0:1", IpAddresses.canonical("2001:db8:0:0:1:0:0:1"), "the first of equal runs");
        assertEquals("fe80::1", IpAddresses.canonical("[fe80::1%eth0]"));
    }

    @Test
    void ipv4AndMappedIpv4AreDottedQuads() {
        assertEquals("203.0.113.7", IpAddresses.canonical("203.0.113.7"));
        assertEquals("203.0.113.7", IpAddresses.canonical("::ffff:203.0.113.7"));
    }

    @Test
    void whatIsNoAddressIsLeftAlone() {
        assertEquals("unknown", IpAddresses.canonical("unknown"));
        assertNull(IpAddresses.canonical(null));
    }
}
