package io.sluice.sql.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

import io.sluice.sql.SqlError;
import io.sluice.sql.SqlScriptException;
import io.sluice.sql.Statement;

/**
 * Turns {@code LAZY_CUMULATE(...)} calls into Flink's {@code CUMULATE(...)} before Flink parses the
 * script, and remembers their (step, size) for {@link LazyCumulateRewrite}, which finds the window
 * aggregates over them in the planned job. The name is padded to the same length, so positions in
 * Flink's error messages still point at the user's text.
 */
public final class LazyCumulateCalls {
    /** Internal: the lazy windows of the script, as {@code stepMillis/sizeMillis} separated by commas. */
    public static final ConfigOption<String> WINDOWS = ConfigOptions.key("sluice.window.lazy-cumulate.windows")
            .stringType().noDefaultValue()
            .withDescription("Set by the compiler: the (step, size) pairs of the script's LAZY_CUMULATE calls.");

    static final String LAZY = "LAZY_CUMULATE";
    private static final String CUMULATE = "CUMULATE";
    private static final String PADDED = " ".repeat(LAZY.length() - CUMULATE.length()) + CUMULATE;

    private LazyCumulateCalls() {
    }

    /** One cumulative window shape. */
    record Shape(Duration step, Duration size) {
        String describe() {
            return "step " + step.toMillis() + " ms, size " + size.toMillis() + " ms";
        }
    }

    /**
     * Returns the statements with every lazy call replaced, and records the lazy shapes in
     * {@code configuration}; a script that uses one shape both lazily and not fails at the plain call.
     */
    public static List<Statement> rewrite(List<Statement> statements, Configuration configuration) {
        Set<Shape> lazy = new LinkedHashSet<>();
        List<Statement> rewritten = new ArrayList<>();
        for (Statement statement : statements) {
            List<WindowCall> calls = WindowCall.find(LAZY, statement.text());
            StringBuilder text = new StringBuilder(statement.text());
            for (WindowCall call : calls) {
                lazy.add(shape(statement, call).orElseThrow(() -> new SqlScriptException(statement.errorAtOffset(call.offset(),
                        "LAZY_CUMULATE takes (TABLE t, DESCRIPTOR(time_column), INTERVAL step, INTERVAL size), "
                                + "with day-time interval literals such as INTERVAL '1' MINUTE"))));
                text.replace(call.offset(), call.offset() + LAZY.length(), PADDED);
            }
            rewritten.add(new Statement(text.toString(), statement.line(), statement.column()));
        }
        for (Statement statement : statements) {
            for (WindowCall call : WindowCall.find(CUMULATE, statement.text())) {
                Optional<Shape> shape = shape(statement, call);
                if (shape.isPresent() && lazy.contains(shape.get())) {
                    SqlError at = statement.errorAtOffset(call.offset(), "CUMULATE with " + shape.get().describe()
                            + " is also used as LAZY_CUMULATE in this job; Sluice finds lazy windows by step and size, "
                            + "so use LAZY_CUMULATE everywhere or give the plain window another step or size");
                    throw new SqlScriptException(at);
                }
            }
        }
        if (!lazy.isEmpty()) {
            configuration.set(WINDOWS, encode(lazy));
        }
        return List.copyOf(rewritten);
    }

    private static Optional<Shape> shape(Statement statement, WindowCall call) {
        if (call.arguments().size() < 4) {
            return Optional.empty();
        }
        Optional<Duration> step = IntervalLiteral.parse(call.arguments().get(2));
        Optional<Duration> size = IntervalLiteral.parse(call.arguments().get(3));
        return step.isPresent() && size.isPresent() ? Optional.of(new Shape(step.get(), size.get())) : Optional.empty();
    }

    private static String encode(Set<Shape> shapes) {
        List<String> encoded = new ArrayList<>();
        for (Shape shape : shapes) {
            encoded.add(shape.step().toMillis() + "/" + shape.size().toMillis());
        }
        return String.join(",", encoded);
    }

    /** The lazy shapes recorded by {@link #rewrite}. */
    static Set<Shape> decode(String encoded) {
        Set<Shape> shapes = new LinkedHashSet<>();
        if (encoded == null || encoded.isBlank()) {
            return shapes;
        }
        for (String pair : encoded.split(",")) {
            String[] parts = pair.split("/");
            shapes.add(new Shape(Duration.ofMillis(Long.parseLong(parts[0])), Duration.ofMillis(Long.parseLong(parts[1]))));
        }
        return shapes;
    }
}
