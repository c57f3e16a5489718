package io.sluice.it.udfs;

import org.apache.flink.table.functions.ScalarFunction;

/** Returns how often this instance has been called; not deterministic, so each call must run. */
public class VolatileCallCounter extends ScalarFunction {
    private long calls;

    public long eval(String key) {
        return ++calls;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
