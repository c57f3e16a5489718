package io.sluice.cli.jobs;

/** A savepoint of a job ({@code Savepoint} of the REST API). */
public record Savepoint(long id, String job, int version, String flinkJobId, String location, Long sizeBytes,
        String trigger, String createdAt) {

    /** {@code ID  CREATED  vVERSION  TRIGGER  SIZE  LOCATION}: the id first, for scripts. */
    public String line() {
        return id + "  " + createdAt + "  v" + version + "  " + trigger + "  " + (sizeBytes == null ? "-" : sizeBytes + " B")
                + "  " + location;
    }
}
