package io.sluice.cli.topics;

/** A Kafka topic as {@code GET /api/topics} lists it. */
public record Topic(String name, Integer partitions) {}
