package io.sluice.sql.preview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The options that make a Kafka table read only its topic's newest records: start this many records
 * before each partition's end (spread over the partitions) and stop at the end as it is now.
 */
public final class KafkaTail {
    private static final String PROPERTIES = "properties.";
    private static final long TIMEOUT_SECONDS = 10;

    /** @return options to add to the table's, or none when the topic cannot be read (the job reports that) */
    Map<String, String> boundedOptions(String table, Map<String, String> options, int records) {
        String topic = options.get("topic");
        if (topic == null || topic.contains(";")) {
            // several topics or a pattern: specific offsets name no topic, so stop at the current end only
            return Map.of("scan.bounded.mode", "latest-offset");
        }
        Properties properties = new Properties();
        options.forEach((key, value) -> {
            if (key.startsWith(PROPERTIES)) {
                properties.put(key.substring(PROPERTIES.length()), value);
            }
        });
        try (Admin admin = Admin.create(properties)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            Map<TopicPartition, Long> begin = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            long perPartition = (records + partitions.size() - 1) / partitions.size();
            Map<String, String> bounded = new HashMap<>();
            bounded.put("scan.startup.mode", "specific-offsets");
            bounded.put("scan.startup.specific-offsets", spec(partitions,
                    partition -> Math.max(begin.get(partition), end.get(partition) - perPartition)));
            bounded.put("scan.bounded.mode", "specific-offsets");
            bounded.put("scan.bounded.specific-offsets", spec(partitions, end::get));
            return bounded;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of("scan.bounded.mode", "latest-offset");
            }
            throw new PreviewException("cannot read the offsets of topic " + topic + " for table " + table + ": "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new PreviewException("Kafka did not answer within " + TIMEOUT_SECONDS + " s for topic " + topic
                    + " of table " + table + "; is the broker of its connection running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreviewException("interrupted while reading the offsets of topic " + topic, e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static String spec(List<TopicPartition> partitions, Function<TopicPartition, Long> offset) {
        return partitions.stream()
                .map(partition -> "partition:" + partition.partition() + ",offset:" + offset.apply(partition))
                .collect(Collectors.joining(";"));
    }
}
