package io.sluice.cli.demo;

/** One job of the demo: its SQL is the resource {@code <name>.sql}; {@code outputTopic} is null for the feed. */
public record DemoJob(String name, String description, String outputTopic) {}
