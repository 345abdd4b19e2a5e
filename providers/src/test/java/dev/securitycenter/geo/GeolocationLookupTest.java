package dev.securitycenter.geo;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeolocationLookupTest {

    private final List<InetAddress> asked = new ArrayList<>();
    private final Function<InetAddress, Location> database = address -> {
        asked.add(address);
        return Location.of("Mountain View", "US");
    };

    @Test
    void privateLoopbackAndLinkLocalAddressesAreTheLocalNetworkWithoutALookup() {
        for (String ip : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.10.10",
                "100.64.3.4", "::1", "fe80::1", "fd12:3456::1", "fc00::5", "0.0.0.0", "::ffff:192.168.0.1")) {
            assertEquals(Location.LOCAL_NETWORK, GeolocationLookup.locate(ip, database), ip);
        }
        assertTrue(asked.isEmpty(), "no database lookup for local addresses");
    }

    @Test
    void publicAddressesAreLookedUp() {
        assertEquals("Mountain View, United States", GeolocationLookup.locate("8.8.8.8", database).label());
        assertEquals("Mountain View, United States",
                GeolocationLookup.locate("2001:4860:4860::8888", database).label());
        assertEquals(2, asked.size());
    }

    @Test
    void whatIsNotAnAddressLiteralIsRemoteAndNeverResolved() {
        for (String value : new String[]{null, "", "example.com", "localhost", "1.2.3", "300.1.1.1", "1.2.3.4.5",
                "::g"}) {
            assertEquals(Location.REMOTE, GeolocationLookup.locate(value, database), String.valueOf(value));
        }
        assertTrue(asked.isEmpty());
    }

    @Test
    void locationLabelsUseWhatTheRecordHas() {
        assertEquals("Lisbon, Portugal", Location.of("Lisbon", "PT").label());
        assertEquals("PT", Location.of("Lisbon", "PT").countryCode());
        assertEquals("Portugal", Location.of(null, "PT").label());
        assertEquals("Remote", Location.of(" ", null).label());
    }
}
