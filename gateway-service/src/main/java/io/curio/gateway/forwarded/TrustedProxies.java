package io.curio.gateway.forwarded;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies allowed to tell the gateway who the original caller was: IP addresses and CIDR blocks, IPv4 or
 * IPv6. Host names are refused, so that deciding trust never waits for DNS.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Network> networks;

    TrustedProxies(List<String> entries) {
        this.networks = entries.stream().map(String::strip).map(TrustedProxies::network).toList();
    }

    /** Whether the TCP peer is one of the trusted proxies; an unknown peer is not. */
    boolean trusts(InetSocketAddress peer) {
        if (peer == null || peer.getAddress() == null) {
            return false;
        }
        byte[] address = peer.getAddress().getAddress();
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw notAnAddress(entry);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * Byte.SIZE : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * Byte.SIZE) {
                throw notAnAddress(entry);
            }
            return new Network(bytes, prefix);
        }
        catch (UnknownHostException | NumberFormatException ex) {
            throw notAnAddress(entry);
        }
    }

    private static IllegalArgumentException notAnAddress(String entry) {
        return new IllegalArgumentException("curio.gateway.trusted-proxies (CURIO_TRUSTED_PROXIES) holds '" + entry
                + "', which is neither an IP address nor a CIDR block");
    }

    /** A block of addresses sharing their first {@code prefix} bits with {@code address}. */
    private record Network(byte[] address, int prefix) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int whole = prefix / Byte.SIZE;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % Byte.SIZE;
            int mask = (0xFF << (Byte.SIZE - rest)) & 0xFF;
            return rest == 0 || (candidate[whole] & mask) == (address[whole] & mask);
        }
    }
}
