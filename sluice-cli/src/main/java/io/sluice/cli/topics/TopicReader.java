package io.sluice.cli.topics;

/** Reads one batch of records from a topic. */
@FunctionalInterface
public interface TopicReader {
    TopicRecords read(TopicRead read);
}
