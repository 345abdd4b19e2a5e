package dev.securitycenter.geo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real DB-IP Lite files the build fetched (system property geolocation.dir). */
class DbIpCityDatabaseTest {

    private static DbIpCityDatabase database;

    @BeforeAll
    static void open() {
        String dir = System.getProperty("geolocation.dir");
        assertNotNull(dir, "run with Maven: the build fetches the database");
        database = DbIpCityDatabase.open(Path.of(dir));
        assertFalse(database.isEmpty(), "database files in " + dir);
    }

    @AfterAll
    static void close() throws IOException {
        database.close();
    }

    @Test
    void publicIpv4AddressesHaveACountry() throws IOException {
        Location google = database.find(InetAddress.getByName("8.8.8.8"));
        assertEquals("US", google.countryCode(), google.toString());
        assertTrue(google.label().endsWith("United States"), google.label());
        assertEquals("AU", database.find(InetAddress.getByName("1.1.1.1")).countryCode());
    }

    @Test
    void publicIpv6AddressesAreLookedUpInTheIpv6File() throws IOException {
        // the data places Google's public DNS address block somewhere in North America; a country is what counts
        String country = database.find(InetAddress.getByName("2001:4860:4860::8888")).countryCode();
        assertTrue(country != null && country.matches("[A-Z]{2}"), String.valueOf(country));
    }

    @Test
    void addressesWithoutARecordAreRemote() throws IOException {
        assertEquals(Location.REMOTE, database.find(InetAddress.getByName("2001:db8::1")));
    }

    @Test
    void missingFilesMeanRemoteNotAFailure() throws IOException {
        try (DbIpCityDatabase none = DbIpCityDatabase.open(Path.of("does-not-exist"))) {
            assertTrue(none.isEmpty());
            assertEquals(Location.REMOTE, none.find(InetAddress.getByName("8.8.8.8")));
        }
    }
}
