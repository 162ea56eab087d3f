package io.akhbar.cli.ops;

import java.util.List;

/**
 * A consumer group whose lag is watched.
 *
 * @param stage  the pipeline stage the group belongs to (extract, enrich, sink)
 * @param group  the consumer group (a Streams application id is one)
 * @param topics the topics it consumes
 */
public record MonitoredGroup(String stage, String group, List<String> topics) {
    public MonitoredGroup {
        topics = List.copyOf(topics);
    }
}
