package io.sluice.runtime.generator;

/** Kind of an {@code ad_events} row; {@link #sqlName()} is the value of the event_type column. */
public enum AdEventType {
    IMPRESSION("impression"),
    CLICK("click");

    private final String sqlName;

    AdEventType(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }
}
