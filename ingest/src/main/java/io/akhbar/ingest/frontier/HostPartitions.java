package io.akhbar.ingest.frontier;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition a host belongs to, in the frontier and in the crawl state alike: Kafka's own partitioning of the
 * host as record key, so that the instance owning a frontier partition finds the state of its hosts in the crawl
 * state partition of the same number.
 */
public final class HostPartitions {
    private HostPartitions() {
    }

    public static int of(String host, int partitions) {
        byte[] key = host.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    public static int ofUrl(String canonicalUrl, int partitions) {
        return of(hostOf(canonicalUrl), partitions);
    }

    public static String hostOf(String canonicalUrl) {
        return URI.create(canonicalUrl).getHost().toLowerCase(Locale.ROOT);
    }
}
