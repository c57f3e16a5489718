package io.sluice.server.api;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.server.catalog.ConnectionService;
import io.sluice.server.deploy.FlinkClient;

/** What {@code GET /api/cluster} shows: the Flink cluster's slots and the default Kafka connection. */
public final class ClusterInfo {
    private final FlinkClient flink;
    private final ConnectionService connections;
    private final String kafkaConnection;

    public ClusterInfo(FlinkClient flink, ConnectionService connections, String kafkaConnection) {
        this.flink = requireNonNull(flink, "flink is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.kafkaConnection = requireNonNull(kafkaConnection, "kafkaConnection is null");
    }

    public Map<String, Object> describe() {
        Map<String, Object> flinkView = new LinkedHashMap<>();
        flinkView.put("restUrl", flink.restUrl().toString());
        flinkView.put("dashboardUrl", flink.restUrl().resolve("/").toString());
        JsonNode overview = flink.overview();
        flinkView.put("taskManagers", overview.path("taskmanagers").asInt());
        flinkView.put("slotsTotal", overview.path("slots-total").asInt());
        flinkView.put("slotsAvailable", overview.path("slots-available").asInt());
        flinkView.put("flinkVersion", overview.path("flink-version").asText());
        Map<String, Object> kafkaView = new LinkedHashMap<>();
        kafkaView.put("connection", kafkaConnection);
        kafkaView.put("bootstrapServers", connections.get(kafkaConnection).properties().get("bootstrap.servers"));
        return Map.of("flink", flinkView, "kafka", kafkaView);
    }
}
