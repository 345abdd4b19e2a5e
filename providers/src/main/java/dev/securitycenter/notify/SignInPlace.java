package dev.securitycenter.notify;

import dev.securitycenter.geo.GeolocationProvider;
import dev.securitycenter.geo.IpAddresses;
import dev.securitycenter.geo.Location;
import org.keycloak.models.KeycloakSession;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a sign-in came from, coarse enough that a person's daily moves are one place: the city and country the
 * geolocation data gives, or, where it knows nothing (private, unknown or unlisted addresses), the address's
 * network (the /24 of an IPv4 address, the /48 of an IPv6 one).
 */
record SignInPlace(String key, String label) {

    private static final int IPV4_NETWORK_BYTES = 3;
    private static final int IPV6_NETWORK_BYTES = 6;

    static SignInPlace of(KeycloakSession session, String ipAddress) {
        GeolocationProvider geolocation = session.getProvider(GeolocationProvider.class);
        Location location = geolocation == null ? Location.REMOTE : geolocation.locate(ipAddress);
        if (location.countryCode() != null) {
            return new SignInPlace("geo:" + location.countryCode() + ":" + Optional.ofNullable(location.city())
                    .orElse(""), location.label());
        }
        String network = IpAddresses.parse(ipAddress).map(SignInPlace::network).orElse("unknown");
        return new SignInPlace("net:" + network, location.label() + " (" + network + ")");
    }

    private static String network(InetAddress address) {
        boolean v4 = address instanceof Inet4Address;
        byte[] bytes = address.getAddress();
        int kept = v4 ? IPV4_NETWORK_BYTES : IPV6_NETWORK_BYTES;
        Arrays.fill(bytes, kept, bytes.length, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + (kept * 8);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
