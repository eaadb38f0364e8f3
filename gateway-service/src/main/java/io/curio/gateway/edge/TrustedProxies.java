package io.curio.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CIDR blocks of the proxies the gateway trusts to describe the original caller.
 */
final class TrustedProxies {

    /** IPv4 digits and dots, or anything with a colon (IPv6): never a host name, so parsing needs no DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Block> blocks;

    TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(String::strip).map(TrustedProxies::block).toList();
    }

    boolean trusts(InetSocketAddress caller) {
        if (caller == null || caller.getAddress() == null) {
            return false;
        }
        byte[] address = caller.getAddress().getAddress();
        return this.blocks.stream().anyMatch(block -> block.contains(address));
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!LITERAL.matcher(host).matches()) {
            throw invalid(cidr);
        }
        try {
            byte[] network = InetAddress.getByName(host).getAddress();
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw invalid(cidr);
            }
            return new Block(network, bits);
        }
        catch (UnknownHostException | NumberFormatException ex) {
            throw invalid(cidr);
        }
    }

    private static IllegalArgumentException invalid(String cidr) {
        return new IllegalArgumentException(
                "curio.gateway.trusted-proxies holds '" + cidr + "', which is not an IP address or CIDR block");
    }

    /** One network: its address and how many leading bits of it a member shares. */
    private record Block(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != this.network.length) {
                return false;
            }
            for (int bit = 0; bit < this.bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
