package io.sluice.sql.function;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

import io.sluice.sql.SqlScriptException;
import io.sluice.sql.Statement;

/**
 * Links a script's {@code CREATE FUNCTION ... USING JAR '<name>'} to the jars users uploaded: the name
 * becomes the stored file for Flink's planner, and the file joins {@code pipeline.jars} so it ships with
 * the job to the cluster's TaskManagers.
 */
public final class UploadedJars {
    private final FunctionJars jars;

    public UploadedJars(FunctionJars jars) {
        this.jars = requireNonNull(jars, "jars is null");
    }

    /**
     * Checks that every jar the script names was uploaded and adds their files to {@code pipeline.jars}.
     * Throws {@link SqlScriptException} at each unknown name.
     */
    public void shipWithJob(List<Statement> statements, Configuration configuration) {
        Set<String> files = new LinkedHashSet<>(configuration.getOptional(PipelineOptions.JARS).orElse(List.of()));
        List<io.sluice.sql.SqlError> unknown = new ArrayList<>();
        for (Statement statement : statements) {
            Optional<FunctionStatement> function = FunctionStatement.parse(statement.text());
            if (function.isEmpty()) {
                continue;
            }
            for (FunctionStatement.JarReference jar : function.get().jars()) {
                Optional<Path> file = jars.locate(jar.name());
                if (file.isPresent()) {
                    files.add(file.get().toUri().toString());
                } else {
                    unknown.add(statement.errorAtOffset(jar.start(), "no uploaded jar is named '" + jar.name()
                            + "'; upload it first (bin/sluice jar upload, POST /api/jars) or use the name GET /api/jars lists"));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new SqlScriptException(unknown);
        }
        if (!files.isEmpty()) {
            configuration.set(PipelineOptions.JARS, List.copyOf(files));
        }
    }

    /** The statement with each uploaded jar's name replaced by its stored file, for Flink to load. */
    public String linked(Statement statement) {
        Optional<FunctionStatement> function = FunctionStatement.parse(statement.text());
        if (function.isEmpty() || function.get().jars().isEmpty()) {
            return statement.text();
        }
        StringBuilder text = new StringBuilder(statement.text());
        List<FunctionStatement.JarReference> references = new ArrayList<>(function.get().jars());
        // from the last to the first, so earlier offsets stay valid
        for (int i = references.size() - 1; i >= 0; i--) {
            FunctionStatement.JarReference jar = references.get(i);
            Path file = jars.locate(jar.name()).orElseThrow(
                    () -> new SqlScriptException(statement.errorAtOffset(jar.start(), "no uploaded jar is named '" + jar.name() + "'")));
            text.replace(jar.start(), jar.end(), file.toUri().toString().replace("'", "''"));
        }
        return text.toString();
    }

    /** The stored files of the jars a function statement names. */
    public List<Path> files(FunctionStatement function) {
        return function.jars().stream().map(jar -> jars.locate(jar.name()).orElseThrow()).toList();
    }
}
