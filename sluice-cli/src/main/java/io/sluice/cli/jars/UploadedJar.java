package io.sluice.cli.jars;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A jar on the server, as {@code /api/jars} shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadedJar(String name, long sizeBytes, String sha256, String uploadedAt, List<String> functionClasses) {
    public UploadedJar {
        functionClasses = functionClasses == null ? List.of() : List.copyOf(functionClasses);
    }
}
