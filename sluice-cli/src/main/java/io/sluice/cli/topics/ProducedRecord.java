package io.sluice.cli.topics;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A record to write; a null key lets Kafka pick the partition. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProducedRecord(String key, String value) {}
