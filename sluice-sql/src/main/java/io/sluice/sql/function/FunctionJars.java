package io.sluice.sql.function;

import java.nio.file.Path;
import java.util.Optional;

/** The jars users uploaded, by name: what {@code CREATE FUNCTION ... USING JAR '<name>'} refers to. */
@FunctionalInterface
public interface FunctionJars {
    /** No uploaded jars, e.g. where a script is only previewed locally. */
    FunctionJars NONE = name -> Optional.empty();

    /** The stored file of the uploaded jar {@code name}, if there is one. */
    Optional<Path> locate(String name);
}
