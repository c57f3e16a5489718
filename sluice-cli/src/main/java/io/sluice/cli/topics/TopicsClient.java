package io.sluice.cli.topics;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cli.client.ApiPath;
import io.sluice.cli.client.RestClient;
import java.time.Duration;
import java.util.List;

/** {@code /api/topics}: Kafka topics of one catalog connection. */
public final class TopicsClient {
    // the server waits up to timeoutMs for records; give the answer itself time to arrive
    private static final Duration READ_MARGIN = Duration.ofSeconds(30);

    private final RestClient rest;
    private final String connection;

    public TopicsClient(RestClient rest, String connection) {
        this.rest = requireNonNull(rest, "rest is null");
        this.connection = requireNonNull(connection, "connection is null");
    }

    public List<Topic> list() {
        return rest.get(topics(), new TypeReference<List<Topic>>() {});
    }

    /** Creates a topic; fails with the server's message if it exists. */
    public void create(String name, Integer partitions) {
        rest.post(topics(), new Topic(name, partitions), JsonNode.class, RestClient.DEFAULT_TIMEOUT);
    }

    /** Creates a topic unless it exists; true if it was created. */
    public boolean createIfMissing(String name, Integer partitions) {
        return rest.postUnlessConflict(topics(), new Topic(name, partitions), JsonNode.class, RestClient.DEFAULT_TIMEOUT)
                .isPresent();
    }

    /** Writes records in order and answers how many the server wrote. */
    public int write(String topic, List<ProducedRecord> records) {
        return rest.post(records(topic), new RecordBatch(records), Written.class, RestClient.DEFAULT_TIMEOUT)
                .written();
    }

    public TopicRecords read(String topic, TopicRead read) {
        return rest.get(read.applyTo(records(topic)), TopicRecords.class,
                Duration.ofMillis(read.timeoutMs()).plus(READ_MARGIN));
    }

    private ApiPath topics() {
        return ApiPath.of("topics").query("connection", connection);
    }

    private ApiPath records(String topic) {
        return ApiPath.of("topics", topic, "records").query("connection", connection);
    }

    private record RecordBatch(List<ProducedRecord> records) {}

    private record Written(int written) {}
}
