package dev.securitycenter.policy;

import dev.securitycenter.geo.IpAddresses;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One allowlist entry as a closed range of addresses: a single IPv4 or IPv6 address or a CIDR network. Parsing never
 * touches DNS, accepts only literal addresses, and refuses a CIDR whose host bits are set (naming the network the
 * admin probably meant) instead of silently widening or narrowing it.
 */
public record IpRange(boolean ipv6, BigInteger first, BigInteger last, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    /** Parses an entry; the error names the rule it breaks. */
    public static IpRange parse(String text) throws InvalidIpRangeException {
        if (text == null || text.isBlank()) {
            throw new InvalidIpRangeException("is empty");
        }
        String value = text.trim();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(() -> new InvalidIpRangeException(
                "'" + value + "' is not an IPv4 address, IPv4 CIDR, IPv6 address or IPv6 CIDR"));
        boolean ipv6 = bytes.length == 16;
        int bits = ipv6 ? 128 : 32;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new InvalidIpRangeException("'" + value + "' has a prefix length outside 0-" + bits);
            }
            prefix = Integer.parseInt(length);
        }
        BigInteger base = new BigInteger(1, bytes);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        if (!base.and(hostMask).equals(BigInteger.ZERO)) {
            IpRange network = new IpRange(ipv6, base.andNot(hostMask), base.andNot(hostMask).or(hostMask), prefix);
            throw new InvalidIpRangeException("'" + value + "' has host bits set; the network is "
                    + network.canonical());
        }
        return new IpRange(ipv6, base, base.or(hostMask), prefix);
    }

    /** An address as Keycloak reports a connection's remote address. */
    public static Optional<IpRange> address(String text) {
        try {
            IpRange range = parse(text);
            return range.first.equals(range.last) ? Optional.of(range) : Optional.empty();
        } catch (InvalidIpRangeException e) {
            return Optional.empty();
        }
    }

    public boolean contains(IpRange other) {
        return ipv6 == other.ipv6 && first.compareTo(other.first) <= 0 && last.compareTo(other.last) >= 0;
    }

    /** {@code 10.0.0.0/24}, {@code 192.168.1.100}, {@code 2001:db8::/32} (RFC 5952 for IPv6). */
    public String canonical() {
        int bits = ipv6 ? 128 : 32;
        String address = ipv6 ? IpAddresses.ipv6Text(first) : ipv4Text(first);
        return prefix == bits ? address : address + "/" + prefix;
    }

    private static Optional<byte[]> literal(String address) {
        if (IPV4.matcher(address).matches()) {
            return Optional.of(bytesOf(address));
        }
        if (!address.contains(":") || !IPV6_CHARS.matcher(address).matches()) {
            return Optional.empty();
        }
        String embeddedIpv4 = address.substring(address.lastIndexOf(':') + 1);
        if (embeddedIpv4.contains(".") && !IPV4.matcher(embeddedIpv4).matches()) {
            return Optional.empty();
        }
        try {
            // only hex digits, colons and dots get here, so this parses a literal and never resolves a name
            // an IPv4-mapped IPv6 literal (::ffff:10.0.0.1) comes back as its IPv4 address
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytesOf(String ipv4) {
        String[] parts = ipv4.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    private static String ipv4Text(BigInteger value) {
        long v = value.longValue();
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }
}
