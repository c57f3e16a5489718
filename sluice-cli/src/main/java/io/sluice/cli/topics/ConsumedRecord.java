package io.sluice.cli.topics;

/** A record read from a topic. */
public record ConsumedRecord(int partition, long offset, String key, String value, Long timestamp) {

    /** The value, or {@code KEY<TAB>VALUE}; an absent key or value prints as {@code null}, as Kafka's console tools do. */
    public String line(boolean withKey) {
        return withKey ? key + "\t" + value : String.valueOf(value);
    }
}
