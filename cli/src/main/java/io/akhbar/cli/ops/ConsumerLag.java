package io.akhbar.cli.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Lag of a consumer group on its input topics, per partition, from the admin API. A partition the group never
 * committed counts from offset 0, so a group that has not started yet is not mistaken for one that is done.
 */
public final class ConsumerLag {
    private ConsumerLag() {
    }

    public record PartitionLag(String group, TopicPartition partition, long committed, long end) {
        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    public static List<PartitionLag> of(Admin admin, String group, Collection<String> topics) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            List<PartitionLag> lags = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lags.add(new PartitionLag(group, partition, offset == null ? 0 : offset.offset(),
                        ends.get(partition).offset()));
            }
            return lags;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading lag of " + group, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read lag of " + group + ": " + e.getCause(), e);
        }
    }
}
