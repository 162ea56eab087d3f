package io.akhbar.sink.write;

/**
 * How many records the sink settled, by outcome.
 *
 * @param indexed  created or updated in Elasticsearch
 * @param stale    already indexed at the same or a newer version (replays, reordering): nothing to do
 * @param rejected sent to the dead-letter topic (undecodable, or refused by Elasticsearch)
 */
public record SinkCounts(long indexed, long stale, long rejected) {
    public long total() {
        return indexed + stale + rejected;
    }

    public SinkCounts minus(SinkCounts earlier) {
        return new SinkCounts(indexed - earlier.indexed, stale - earlier.stale, rejected - earlier.rejected);
    }
}
