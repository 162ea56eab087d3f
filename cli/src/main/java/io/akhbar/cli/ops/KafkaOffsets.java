package io.akhbar.cli.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Offsets of topics and consumer groups, and a group's live members, read with the admin client. */
final class KafkaOffsets {
    private final Admin admin;

    KafkaOffsets(Admin admin) {
        this.admin = admin;
    }

    /** Every partition of the topics, in topic then partition order. */
    List<TopicPartition> partitions(Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        await(admin.describeTopics(topics).allTopicNames(), "describe " + topics).forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return partitions;
    }

    /** The group's committed offsets; partitions it never committed are absent. */
    Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = await(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "read offsets of " + group);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** The end of each partition as a read_committed consumer sees it (the last stable offset). */
    Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) {
        return list(partitions, p -> OffsetSpec.latest());
    }

    Map<TopicPartition, Long> earliest(Collection<TopicPartition> partitions) {
        return list(partitions, p -> OffsetSpec.earliest());
    }

    /** The first offset written at or after {@code time}; the end of a partition holding nothing that recent. */
    Map<TopicPartition, Long> at(Collection<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> atTime = list(partitions, p -> OffsetSpec.forTimestamp(time.toEpochMilli()));
        Map<TopicPartition, Long> ends = ends(partitions);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long offset = atTime.getOrDefault(partition, -1L);
            offsets.put(partition, offset < 0 ? ends.get(partition) : offset);
        }
        return offsets;
    }

    /** The group's members as {@code client-id on host}; empty when no consumer is in the group. */
    List<String> members(String group) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get();
            if (description.groupState() == GroupState.DEAD) {
                return List.of();
            }
            return description.members().stream().map(m -> m.clientId() + " on " + m.host()).sorted().toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw new IllegalStateException("cannot describe consumer group " + group + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing consumer group " + group, e);
        }
    }

    void alter(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
        offsets.forEach((partition, offset) -> request.put(partition, new OffsetAndMetadata(offset)));
        await(admin.alterConsumerGroupOffsets(group, request).all(), "move consumer group " + group);
    }

    void deleteGroup(String group) {
        await(admin.deleteConsumerGroups(List.of(group)).all(), "delete consumer group " + group);
    }

    List<String> topicNames() {
        return List.copyOf(await(admin.listTopics().names(), "list topics"));
    }

    private Map<TopicPartition, Long> list(Collection<TopicPartition> partitions,
                                          Function<TopicPartition, OffsetSpec> spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec.apply(p)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(), "list offsets")
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause(), e);
        }
    }
}
