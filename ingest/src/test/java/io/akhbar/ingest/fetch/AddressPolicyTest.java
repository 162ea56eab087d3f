package io.akhbar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pure checks on addresses: nothing here opens a connection. */
class AddressPolicyTest {

    @ParameterizedTest(name = "{0} public={1}")
    @CsvSource({
            "10.0.0.1, false",
            "10.255.255.255, false",
            "172.16.0.1, false",
            "172.31.255.254, false",
            "172.32.0.1, true",
            "192.168.1.1, false",
            "169.254.169.254, false",
            "127.0.0.1, false",
            "127.8.9.10, false",
            "0.0.0.0, false",
            "100.64.0.1, false",
            "224.0.0.1, false",
            "255.255.255.255, false",
            "8.8.8.8, true",
            "203.0.113.7, true",
            "::1, false",
            "::, false",
            "fc00::1, false",
            "fd12:3456::1, false",
            "fe80::1, false",
            "::ffff:10.0.0.1, false",
            "::ffff:8.8.8.8, true",
            "64:ff9b::a9fe:a9fe, false",
            "2002:c0a8:0101::1, false",
            "2001:4860:4860::8888, true",
    })
    void tellsPublicAddressesFromPrivateOnes(String literal, boolean expectedPublic) throws UnknownHostException {
        // A literal address is parsed, never looked up.
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressPolicy.isPublic(address)).isEqualTo(expectedPublic);
    }

    @ParameterizedTest(name = "{0} refused={1}")
    @CsvSource({
            "http://news.test/a, false",
            "https://news.test/a, false",
            "http://metadata.test/latest/meta-data/, true",
            "http://intranet.test/, true",
            "http://mixed.test/, true",
            "ftp://news.test/a, true",
            "file:///etc/passwd, true",
            "javascript:alert(1), true",
    })
    void refusesNamesThatResolveToPrivateAddressesAndSchemesOtherThanHttp(String url, boolean refused)
            throws UnknownHostException {
        AddressPolicy policy = new AddressPolicy(false, resolver(Map.of(
                "news.test", new byte[] {(byte) 203, 0, 113, 7},
                "metadata.test", new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254},
                "intranet.test", new byte[] {10, 1, 2, 3})));

        assertThat(policy.refusal(URI.create(url)).isPresent()).isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http://127.0.0.1:8080/", "http://localhost/", "http://10.0.0.1/"})
    void allowsPrivateNetworksOnlyWhenToldTo(String url) throws UnknownHostException {
        HostResolver failing = host -> {
            throw new AssertionError("no lookup is needed when private networks are allowed");
        };

        assertThat(new AddressPolicy(true, failing).refusal(URI.create(url))).isEmpty();
        assertThat(new AddressPolicy(false, HostResolver.SYSTEM).refusal(URI.create("http://127.0.0.1:8080/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("127.0.0.1"));
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource({
            "http://10.20.3.4/, false",
            "http://10.21.0.1/, true",
            "http://127.0.0.1/, false",
            "http://127.0.0.2/, true",
            "http://[fd00::1]/, false",
            "http://[fe80::1]/, true",
            "http://169.254.169.254/, true",
    })
    void allowsOnlyTheNamedPrivateRanges(String url, boolean refused) throws UnknownHostException {
        List<AddressRange> allowed = List.of(AddressRange.parse("10.20.0.0/16"), AddressRange.parse("127.0.0.1"),
                AddressRange.parse("fd00::/8"));

        assertThat(new AddressPolicy(false, allowed, HostResolver.SYSTEM).refusal(URI.create(url)).isPresent())
                .isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10.0.0.0/33", "10.0.0.0/", "10.0.0/8x", "intranet.example/24", "::1/129", "1.2.3.4/8/8"})
    void rangesMustBeLiteralAddressesWithAPrefixThatFits(String text) {
        assertThat(AddressRange.isValid(text)).isFalse();
    }

    /** A host with one public and one private address is refused: the client might connect to either. */
    private static HostResolver resolver(Map<String, byte[]> addresses) {
        return host -> {
            if (host.equals("mixed.test")) {
                return new InetAddress[] {
                        InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 8}),
                        InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 0, 1})};
            }
            byte[] address = addresses.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(host, address)};
        };
    }
}
