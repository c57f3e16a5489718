package io.sluice.cli.jars;

import org.apache.flink.table.functions.ScalarFunction;

/** A user function for the jar commands' test: {@code shout('hi')} is {@code 'HI!'}. */
public class Shout extends ScalarFunction {

    public String eval(String text) {
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT) + "!";
    }
}
