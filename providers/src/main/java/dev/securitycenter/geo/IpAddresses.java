package dev.securitycenter.geo;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literals as the session store keeps them, parsed without ever asking DNS. */
public final class IpAddresses {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    private IpAddresses() {
    }

    /** The address of an IPv4 or IPv6 literal; empty for anything else (a host name is never resolved). */
    public static Optional<InetAddress> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String bare = literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        if (bare.isEmpty() || !LITERAL.matcher(bare).matches() || (!bare.contains(":") && !isDottedQuad(bare))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The address as it is shown and stored everywhere: a dotted quad, or IPv6 in its RFC 5952 form ({@code ::1},
     * not {@code 0:0:0:0:0:0:0:1} as Java and Keycloak write it); an IPv4-mapped IPv6 address as its IPv4 address.
     * Text that is no literal comes back unchanged.
     */
    public static String canonical(String literal) {
        return parse(literal)
                .map(address -> address instanceof Inet6Address
                        ? ipv6Text(new BigInteger(1, address.getAddress())) : address.getHostAddress())
                .orElse(literal);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (first if tied) of two or more zero groups as ::. */
    public static String ipv6Text(BigInteger value) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /**
     * Addresses that belong to no place on the map: loopback, private (RFC 1918, IPv6 unique-local), link-local,
     * carrier-grade NAT, unspecified and multicast.
     */
    public static boolean isLocalNetwork(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            // 100.64.0.0/10, shared address space behind carrier-grade NAT
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        // fc00::/7, IPv6 unique local addresses (Java counts only the deprecated fec0::/10 as site-local)
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }

    private static boolean isDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
