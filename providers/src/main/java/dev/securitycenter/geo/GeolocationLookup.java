package dev.securitycenter.geo;

import java.net.InetAddress;
import java.util.function.Function;

/** The rules every geolocation answer follows, whatever the data behind it. */
public final class GeolocationLookup {

    private GeolocationLookup() {
    }

    /** Private and loopback addresses are the "Local network"; what cannot be parsed or found is "Remote". */
    public static Location locate(String ipAddress, Function<InetAddress, Location> publicLookup) {
        return IpAddresses.parse(ipAddress)
                .map(address -> IpAddresses.isLocalNetwork(address) ? Location.LOCAL_NETWORK
                        : publicLookup.apply(address))
                .orElse(Location.REMOTE);
    }
}
