package dev.securitycenter.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpRangeTest {

    @ParameterizedTest
    @CsvSource({
            "192.168.1.100, 192.168.1.100",
            "' 10.0.0.0/24 ', 10.0.0.0/24",
            "10.0.0.7/32, 10.0.0.7",
            "0.0.0.0/0, 0.0.0.0/0",
            "2001:DB8::/32, 2001:db8::/32",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "0:0:0:0:0:0:0:1, ::1",
            "::, ::",
            "2001:db8:0:1:0:0:0:0/64, 2001:db8:0:1::/64",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:0:0:0:1:0:0:1, 2001::1:0:0:1",
            "fe80::1:0:0:1/128, fe80::1:0:0:1",
            "::ffff:10.1.2.3, 10.1.2.3"})
    void canonicalisesWhatItAccepts(String input, String canonical) throws Exception {
        assertEquals(canonical, IpRange.parse(input).canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4",
            "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "2001:db8::/129", "2001:db8::g", "fe80::1%eth0",
            "1.2.3.4/24/8", ":::", "::ffff:999.1.1.1"})
    void refusesWhatIsNotALiteralAddressOrNetwork(String input) {
        assertThrows(InvalidIpRangeException.class, () -> IpRange.parse(input));
    }

    @Test
    void refusesHostBitsAndNamesTheNetwork() {
        InvalidIpRangeException error = assertThrows(InvalidIpRangeException.class,
                () -> IpRange.parse("10.0.0.1/24"));
        assertTrue(error.getMessage().contains("10.0.0.0/24"), error.getMessage());
        error = assertThrows(InvalidIpRangeException.class, () -> IpRange.parse("2001:db8::1/32"));
        assertTrue(error.getMessage().contains("2001:db8::/32"), error.getMessage());
    }

    @Test
    void containsAddressesOfItsOwnFamilyOnly() throws Exception {
        IpRange office = IpRange.parse("10.0.0.0/24");
        assertTrue(office.contains(IpRange.parse("10.0.0.254")));
        assertFalse(office.contains(IpRange.parse("10.0.1.0")));
        assertFalse(IpRange.parse("::/0").contains(IpRange.parse("10.0.0.1")));
        assertTrue(IpRange.parse("2001:db8::/32").contains(IpRange.parse("2001:db8:ffff::1")));
    }
}
