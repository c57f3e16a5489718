package io.sluice.cli.sql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.client.ApiException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** A SQL script and the name its errors are reported under (the file as the user wrote it). */
public record SqlScript(String source, String text) {
    public SqlScript {
        requireNonNull(source, "source is null");
        requireNonNull(text, "text is null");
    }

    public static SqlScript read(Path file) {
        String source = file.toString();
        try {
            return new SqlScript(source, Files.readString(file, UTF_8));
        } catch (NoSuchFileException e) {
            throw new CliException(source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CliException(source + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new CliException(source + ": not UTF-8 text; save the script as UTF-8");
        } catch (IOException e) {
            throw new CliException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The file's name without directory and {@code .sql}, the default job name. */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    /** Runs a request that sends this script, so that SQL errors the server reports point into this file. */
    public <T> T send(Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiException e) {
            if (e.problems().isEmpty()) {
                throw e;
            }
            throw new InvalidSqlException(source, e.problems(), e.getMessage());
        }
    }
}
