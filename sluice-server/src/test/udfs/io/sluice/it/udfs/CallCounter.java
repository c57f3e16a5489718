package io.sluice.it.udfs;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * Returns how often this instance has been called, including this call. It says it is deterministic
 * (the default), which is what lets Sluice reuse its calls: with reuse, every call in the n-th row
 * returns n. (A test function: a real function with this property would be wrong to call deterministic.)
 */
public class CallCounter extends ScalarFunction {
    private long calls;

    public long eval(String key) {
        return ++calls;
    }
}
