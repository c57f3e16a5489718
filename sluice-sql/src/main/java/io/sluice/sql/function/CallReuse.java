package io.sluice.sql.function;

import static java.util.Objects.requireNonNull;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.ScalarFunction;

import io.sluice.runtime.function.ReusingScalarFunction;

/**
 * UDF call reuse: after a script's {@code CREATE FUNCTION} ran, a deterministic scalar function is
 * registered again, wrapped in {@link ReusingScalarFunction}, so that equal calls in one row are
 * evaluated once. Non-deterministic functions, table and aggregate functions are left as they are.
 */
public final class CallReuse {
    public static final ConfigOption<Boolean> ENABLED = ConfigOptions.key("sluice.udf.reuse")
            .booleanType()
            .defaultValue(true)
            .withDescription("Evaluate a deterministic user scalar function once per row for equal arguments, "
                    + "however often the query calls it.");
    /** Set by Sluice, not by scripts: the functions whose calls are reused, for {@link RowMarkers}. */
    static final ConfigOption<List<String>> FUNCTIONS = ConfigOptions.key("sluice.udf.reuse.functions")
            .stringType().asList().noDefaultValue();

    private final List<String> applied = new ArrayList<>();

    /**
     * Replaces the function the statement created with its reusing wrapper, if it is a deterministic
     * scalar function.
     *
     * @param jars the stored files of the jars the statement names
     */
    public void apply(TableEnvironment tables, FunctionStatement function, List<Path> jars) {
        requireNonNull(tables, "tables is null");
        Optional<ScalarFunction> scalar = instantiate(function, jars);
        if (scalar.isEmpty() || !scalar.get().isDeterministic()) {
            return;
        }
        // the same key in every compilation keeps the job's serialized functions, and so its plan, stable
        ReusingScalarFunction reusing = new ReusingScalarFunction(scalar.get(),
                function.scope() + ":" + function.name() + ":" + function.className());
        switch (function.scope()) {
            case TEMPORARY_SYSTEM -> {
                tables.dropTemporarySystemFunction(function.name());
                tables.createTemporarySystemFunction(function.name(), reusing);
            }
            case TEMPORARY -> {
                tables.dropTemporaryFunction(function.name());
                tables.createTemporaryFunction(function.name(), reusing);
            }
            // a temporary function of the same name shadows the catalog function for this script
            case CATALOG -> tables.createTemporaryFunction(function.name(), reusing);
            default -> throw new IllegalStateException("unexpected scope " + function.scope());
        }
        List<String> reused = new ArrayList<>(tables.getConfig().getOptional(FUNCTIONS).orElse(List.of()));
        reused.add(function.name());
        tables.getConfig().set(FUNCTIONS, reused);
        applied.add("udf call reuse: " + function.name() + " (" + function.className()
                + ") is evaluated once per row for equal arguments");
    }

    /** One explain line per function whose calls are reused. */
    public List<String> applied() {
        return List.copyOf(applied);
    }

    private Optional<ScalarFunction> instantiate(FunctionStatement function, List<Path> jars) {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = parent;
        if (!jars.isEmpty()) {
            // left open: the planned job's function instances may still load classes from it
            loader = new URLClassLoader(jars.stream().map(CallReuse::url).toArray(URL[]::new), parent);
        }
        try {
            Class<?> type = Class.forName(function.className(), true, loader);
            if (!ScalarFunction.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            return Optional.of((ScalarFunction) type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            // Flink registered the function already; one Sluice cannot instantiate (no public no-argument
            // constructor) keeps Flink's registration and is simply not reused
            return Optional.empty();
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a jar location: " + jar, e);
        }
    }
}
