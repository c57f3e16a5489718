package io.sluice.server.functions;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A jar a user uploaded for {@code CREATE FUNCTION ... USING JAR '<name>'}.
 *
 * @param name what scripts call it
 * @param sizeBytes the file's size
 * @param sha256 hex digest of the file, to tell versions apart
 * @param uploadedAt when it was stored
 * @param functionClasses classes in the jar that refer to one of Flink's function base classes (usually the functions
 *        themselves), for the user to copy into {@code CREATE FUNCTION ... AS '<class>'}
 */
public record UploadedJar(String name, long sizeBytes, String sha256, Instant uploadedAt, List<String> functionClasses) {
    public UploadedJar {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(uploadedAt, "uploadedAt is null");
        functionClasses = List.copyOf(functionClasses);
    }
}
