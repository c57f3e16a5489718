package io.sluice.server.topics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.sluice.server.api.ApiException;
import io.sluice.server.catalog.Connection;
import io.sluice.server.catalog.ConnectionService;
import io.sluice.server.catalog.ConnectionType;

/** Kafka topics of a registered connection: create, list, write records, read records. */
public final class TopicService {
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private final ConnectionService connections;

    public TopicService(ConnectionService connections) {
        this.connections = requireNonNull(connections, "connections is null");
    }

    /** @param endOffsets per partition, the offset the next record will get (empty in the answer to a create) */
    public record TopicInfo(String name, int partitions, Map<Integer, Long> endOffsets) {
        public TopicInfo {
            endOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(endOffsets));
        }
    }

    public record Record(int partition, long offset, String key, String value, long timestamp) {
    }

    public record Page(List<Record> records, Map<String, Long> positions) {
    }

    public List<TopicInfo> list(String connectionName) {
        try (Admin admin = admin(connectionName)) {
            Set<String> names = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                    latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new TreeMap<>(descriptions).values().stream()
                    .map(description -> {
                        Map<Integer, Long> endOffsets = new TreeMap<>();
                        description.partitions().forEach(partition -> endOffsets.put(partition.partition(),
                                ends.get(new TopicPartition(description.name(), partition.partition())).offset()));
                        return new TopicInfo(description.name(), description.partitions().size(), endOffsets);
                    })
                    .toList();
        } catch (Exception e) {
            throw failure("list topics of " + connectionName, e);
        }
    }

    public TopicInfo create(String connectionName, String topic, int partitions) {
        if (topic == null || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw ApiException.badRequest("topic name '" + topic + "' is invalid: use letters, digits, '.', '_' or '-'");
        }
        if (partitions < 1) {
            throw ApiException.badRequest("a topic needs at least 1 partition, asked for " + partitions);
        }
        try (Admin admin = admin(connectionName)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new TopicInfo(topic, partitions, Map.of());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw ApiException.conflict("topic " + topic + " already exists on " + connectionName);
            }
            throw failure("create topic " + topic, e);
        } catch (Exception e) {
            throw failure("create topic " + topic, e);
        }
    }

    /** Writes the records in order and returns once Kafka acknowledged all of them. */
    public int produce(String connectionName, String topic, List<Map.Entry<String, String>> records) {
        requireTopic(connectionName, topic);
        Properties properties = clientProperties(connectionName);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, String> record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get();
            }
            return records.size();
        } catch (Exception e) {
            throw failure("write to topic " + topic, e);
        }
    }

    /**
     * Reads up to {@code max} records within {@code timeout}, from the given positions (partition → next
     * offset) or else from the beginning or the end. Reads committed records only unless told otherwise,
     * so a transactional job's output shows as a consumer downstream would see it.
     */
    public Page consume(String connectionName, String topic, boolean fromBeginning, Map<Integer, Long> positions,
            int max, Duration timeout, boolean readCommitted) {
        int partitions = requireTopic(connectionName, topic);
        Properties properties = clientProperties(connectionName);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.max(1, Math.min(max, 5000))));
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            for (TopicPartition partition : assigned) {
                Long position = positions.get(partition.partition());
                if (position != null) {
                    consumer.seek(partition, position);
                }
            }
            List<TopicPartition> unpositioned = assigned.stream()
                    .filter(partition -> !positions.containsKey(partition.partition())).toList();
            // an empty collection would make Kafka seek every assigned partition, positioned ones too
            if (!unpositioned.isEmpty() && fromBeginning) {
                consumer.seekToBeginning(unpositioned);
            } else if (!unpositioned.isEmpty()) {
                consumer.seekToEnd(unpositioned);
            }
            List<Record> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < max) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(left)) {
                    if (records.size() < max) {
                        records.add(new Record(record.partition(), record.offset(), record.key(), record.value(), record.timestamp()));
                        consumer.seek(new TopicPartition(topic, record.partition()), record.offset() + 1);
                    }
                }
            }
            Map<String, Long> next = new TreeMap<>();
            for (TopicPartition partition : assigned) {
                next.put(String.valueOf(partition.partition()), consumer.position(partition));
            }
            return new Page(records, next);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw failure("read topic " + topic, e);
        }
    }

    private int requireTopic(String connectionName, String topic) {
        try (Admin admin = admin(connectionName)) {
            return admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw ApiException.notFound("topic " + topic + " does not exist on " + connectionName
                        + "; create it with `bin/sluice topic create " + topic + "`");
            }
            throw failure("describe topic " + topic, e);
        } catch (Exception e) {
            throw failure("describe topic " + topic, e);
        }
    }

    private Admin admin(String connectionName) {
        Properties properties = clientProperties(connectionName);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ADMIN_TIMEOUT.toMillis()));
        return Admin.create(properties);
    }

    private Properties clientProperties(String connectionName) {
        Connection connection = connections.get(connectionName);
        if (connection.type() != ConnectionType.KAFKA) {
            throw ApiException.badRequest("connection " + connectionName + " is a " + connection.type().id()
                    + " connection, not a Kafka cluster");
        }
        Properties properties = new Properties();
        properties.putAll(new HashMap<>(connection.clientProperties()));
        return properties;
    }

    private static ApiException failure(String what, Exception e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return ApiException.unavailable("could not " + what + ": " + cause.getMessage());
    }
}
