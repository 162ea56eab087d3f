package io.akhbar.ingest.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the crawler from being turned against our own network (SSRF): a link or redirect on a crawled site must
 * not make us request cloud metadata, an admin interface on loopback or a host on the private LAN. Only http and
 * https are fetched, and unless private networks are allowed every address a host name resolves to must be public
 * or inside one of the explicitly allowed ranges.
 *
 * <p>The check resolves the name itself and the HTTP client resolves it again when it connects, so a DNS server
 * that answers differently within that window is not stopped here; Java 17 offers no hook to pin the address.
 */
public final class AddressPolicy {
    private final boolean allowPrivateNetworks;
    private final List<AddressRange> allowedRanges;
    private final HostResolver resolver;

    public AddressPolicy(boolean allowPrivateNetworks, HostResolver resolver) {
        this(allowPrivateNetworks, List.of(), resolver);
    }

    /** @param allowedRanges non-public ranges allowed all the same, such as an outlet on the crawler's own network */
    public AddressPolicy(boolean allowPrivateNetworks, List<AddressRange> allowedRanges, HostResolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.allowedRanges = List.copyOf(allowedRanges);
        this.resolver = resolver;
    }

    /** Why the URL must not be fetched, or empty when it may be. */
    public Optional<String> refusal(URI url) throws UnknownHostException {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("scheme is not http or https: " + scheme);
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("no host");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        return Arrays.stream(resolver.resolve(host))
                .filter(address -> !isPublic(address) && allowedRanges.stream().noneMatch(range -> range.contains(address)))
                .findFirst()
                .map(address -> host + " resolves to non-public address " + address.getHostAddress());
    }

    /** Whether an address belongs to the public internet, as opposed to this machine, its LAN or a reserved range. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? isPublicIpv4(bytes) : isPublicIpv6(bytes);
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0                                        // "this network"
                && first != 10                                   // private
                && !(first == 100 && (second & 0xc0) == 64)      // carrier-grade NAT 100.64.0.0/10
                && first != 127                                  // loopback
                && !(first == 169 && second == 254)              // link-local, where cloud metadata lives
                && !(first == 172 && (second & 0xf0) == 16)      // private 172.16.0.0/12
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                && !(first == 192 && second == 168)              // private
                && !(first == 198 && (second & 0xfe) == 18)      // benchmarking 198.18.0.0/15
                && first < 224;                                  // multicast, reserved and broadcast
    }

    private static boolean isPublicIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return false; // unique local fc00::/7, the IPv6 private range
        }
        // Transition prefixes carry an IPv4 address, which may be a private one.
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b) && allZero(b, 4, 12)) {
            return isPublicIpv4(Arrays.copyOfRange(b, 12, 16)); // NAT64 64:ff9b::/96
        }
        if (startsWith(b, 0x20, 0x02)) {
            return isPublicIpv4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002::/16
        }
        return !allZero(b, 0, 12); // IPv4-compatible ::a.b.c.d, deprecated and never public
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
