package io.akhbar.enrich.story;

import io.akhbar.enrich.dedup.LshBands;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.model.internal.BandProbe;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Sends an article's probe once to every partition that owns one of its band buckets, rather than once per band:
 * with a few partitions and ten bands, that is a few records instead of ten. The band processor of each
 * partition then handles the buckets it owns, so both must agree on the partition count.
 */
public final class BandPartitioner implements StreamPartitioner<String, BandProbe> {
    private final LshBands lsh;
    private final int partitions;

    public BandPartitioner(LshBands lsh, int partitions) {
        this.lsh = lsh;
        this.partitions = partitions;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, BandProbe probe, int numPartitions) {
        if (numPartitions != partitions) {
            throw new IllegalStateException(topic + " has " + numPartitions + " partitions, but the enrich stream was"
                    + " configured for " + partitions + " (kafka.bandPartitions): band buckets would be looked up in"
                    + " the wrong partitions");
        }
        long[] hashes = lsh.bandHashes(MinHasher.decode(probe.getSignature()));
        Set<Integer> owners = new HashSet<>();
        for (int band = 0; band < hashes.length; band++) {
            owners.add(LshBands.owner(band, hashes[band], partitions));
        }
        return Optional.of(owners);
    }
}
