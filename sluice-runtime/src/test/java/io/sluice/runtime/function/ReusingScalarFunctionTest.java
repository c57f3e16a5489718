package io.sluice.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;
import org.junit.jupiter.api.Test;

class ReusingScalarFunctionTest {

    /** Records every call; overloads for strings, ints, lists and byte arrays. */
    public static final class Recorder extends ScalarFunction {
        final List<String> calls = new ArrayList<>();

        public String eval(Object value) {
            calls.add("object " + value);
            return "object";
        }

        public String eval(String value) {
            calls.add("string " + value);
            return "string:" + value;
        }

        public int eval(int a, int b) {
            calls.add("ints " + a + "," + b);
            return a + b;
        }

        public String eval(byte[] bytes) {
            calls.add("bytes " + bytes[0]);
            return "bytes:" + bytes[0];
        }
    }

    private static ReusingScalarFunction opened(ScalarFunction function, String key) throws Exception {
        ReusingScalarFunction reusing = new ReusingScalarFunction(function, key);
        reusing.open(new FunctionContext(null));
        return reusing;
    }

    @Test
    void equalArgumentsCallTheFunctionOnceAndOverloadsResolveToTheMostSpecific() throws Exception {
        Recorder recorder = new Recorder();
        ReusingScalarFunction reusing = opened(recorder, "recorder-1");
        assertEquals("string:a", reusing.eval("a"));
        assertEquals("string:a", reusing.eval("a"));
        assertEquals(5, reusing.eval(2, 3));
        assertEquals(5, reusing.eval(2, 3));
        assertEquals("string:a", reusing.eval("a"));
        assertEquals(List.of("string a", "ints 2,3", "string a"), recorder.calls);
        reusing.close();
    }

    @Test
    void rememberedByteArraysAreCopiesAndMutableArgumentsAreNeverRemembered() throws Exception {
        Recorder recorder = new Recorder();
        ReusingScalarFunction reusing = opened(recorder, "recorder-2");
        byte[] reused = {1};
        reusing.eval(reused);
        reused[0] = 2; // object reuse: the same array now holds the next row's value
        assertEquals("bytes:2", reusing.eval(reused));
        List<String> list = new ArrayList<>(List.of("x"));
        reusing.eval(list);
        reusing.eval(list);
        assertEquals(List.of("bytes 1", "bytes 2", "object [x]", "object [x]"), recorder.calls);
        reusing.close();
    }

    @Test
    void wrappersOfOneFunctionOnOneThreadShareTheLastCall() throws Exception {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        ReusingScalarFunction filter = opened(first, "shared");
        ReusingScalarFunction projection = opened(second, "shared");
        filter.eval("k");
        projection.eval("k");
        assertEquals(List.of("string k"), first.calls);
        assertEquals(List.of(), second.calls);
        filter.close();
        projection.close();
    }

    @Test
    void nonDeterministicFunctionsAreRefused() {
        ScalarFunction volatileFunction = new ScalarFunction() {
            @Override
            public boolean isDeterministic() {
                return false;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new ReusingScalarFunction(volatileFunction, "v"));
    }
}
