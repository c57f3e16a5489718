package io.sluice.cli.cluster;

/** {@code GET /api/cluster}: the Flink cluster and Kafka the server runs jobs on. */
public record ClusterInfo(Flink flink, Kafka kafka) {

    public record Flink(String restUrl, String dashboardUrl, Integer taskManagers, Integer slotsTotal,
                        Integer slotsAvailable) {}

    public record Kafka(String connection, String bootstrapServers) {}
}
