package io.sluice.cli.topics;

/** Where consumed records go; answers false when nobody reads any more (e.g. the pipe closed). */
@FunctionalInterface
public interface RecordOutput {
    boolean write(ConsumedRecord record);
}
