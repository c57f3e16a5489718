package io.sluice.runtime.function;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.FunctionRequirement;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.inference.TypeInference;

/**
 * A deterministic user scalar function that remembers its last arguments and result, so a call repeated
 * with equal arguments in one row (in SELECT and WHERE, nested in several expressions, or in another
 * operator chained on the same thread) returns the remembered result instead of calling the function
 * again. Flink's code generation calls a function once per occurrence; this makes it once per row. Where
 * a {@link NewRowMarker} announces each row, a remembered call serves only its own row, so the next row
 * calls the function again even with equal arguments; without one, equal arguments in consecutive rows
 * share a call too, which gives the same results for a deterministic function.
 *
 * <p>Types and properties all come from the wrapped function. Only arguments of immutable types (strings,
 * numbers, booleans, date-times, byte arrays, which are copied) are remembered, so object reuse can never
 * change a remembered argument; calls with other arguments go straight to the function.
 */
public final class ReusingScalarFunction extends ScalarFunction {
    private static final long serialVersionUID = 1L;
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class);
    /** Last call per function, per thread: operators chained in one task share it, tasks never do. */
    private static final ThreadLocal<Map<String, LastCall>> LAST_CALLS = ThreadLocal.withInitial(HashMap::new);

    private final ScalarFunction function;
    private final String key;
    private transient Map<List<Class<?>>, Method> methods;
    private transient LastCall lastCall;

    /**
     * @param function a deterministic scalar function
     * @param key identifies the function among all reused functions of a job, e.g. its name and a random id
     */
    public ReusingScalarFunction(ScalarFunction function, String key) {
        this.function = requireNonNull(function, "function is null");
        this.key = requireNonNull(key, "key is null");
        if (!function.isDeterministic()) {
            throw new IllegalArgumentException(function + " is not deterministic; its calls cannot be reused");
        }
    }

    public ScalarFunction function() {
        return function;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        function.open(context);
        methods = new HashMap<>();
        lastCall = LAST_CALLS.get().computeIfAbsent(key, k -> new LastCall());
    }

    @Override
    public void close() throws Exception {
        LAST_CALLS.get().remove(key);
        function.close();
    }

    /** Called by Flink's generated code with the arguments the wrapped function's type inference asked for. */
    public Object eval(Object... arguments) {
        if (lastCall == null) {
            // constant folding at planning time calls without open
            return invoke(arguments);
        }
        if (!remembered(arguments)) {
            return invoke(arguments);
        }
        long row = RowGeneration.current();
        if (lastCall.arguments != null && lastCall.row == row && Arrays.deepEquals(lastCall.arguments, arguments)) {
            return lastCall.result;
        }
        Object result = invoke(arguments);
        lastCall.arguments = copy(arguments);
        lastCall.result = result;
        lastCall.row = row;
        return result;
    }

    private static boolean remembered(Object[] arguments) {
        for (Object argument : arguments) {
            if (argument != null && !IMMUTABLE.contains(argument.getClass()) && !(argument instanceof byte[])
                    && !argument.getClass().getPackageName().equals("java.time")) {
                return false;
            }
        }
        return true;
    }

    private static Object[] copy(Object[] arguments) {
        Object[] copy = arguments.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof byte[] bytes) {
                copy[i] = bytes.clone();
            }
        }
        return copy;
    }

    private Object invoke(Object[] arguments) {
        Method method = methodFor(arguments);
        try {
            if (method.isVarArgs()) {
                return method.invoke(function, varArgs(method, arguments));
            }
            return method.invoke(function, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(function + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    private Method methodFor(Object[] arguments) {
        if (methods == null) {
            methods = new HashMap<>();
        }
        List<Class<?>> signature = Arrays.stream(arguments).<Class<?>>map(a -> a == null ? null : a.getClass()).toList();
        return methods.computeIfAbsent(signature, s -> {
            Method chosen = null;
            for (Method method : function.getClass().getMethods()) {
                if (method.getName().equals("eval") && !Modifier.isStatic(method.getModifiers())
                        && accepts(method, arguments) && (chosen == null || moreSpecific(method, chosen))) {
                    chosen = method;
                }
            }
            if (chosen == null) {
                throw new IllegalStateException(function.getClass().getName() + " has no public eval method for "
                        + Arrays.toString(arguments));
            }
            chosen.setAccessible(true);
            return chosen;
        });
    }

    /** Java's rule for overloads: fixed arity before varargs, then parameters that are all subtypes. */
    private static boolean moreSpecific(Method candidate, Method current) {
        if (candidate.isVarArgs() != current.isVarArgs()) {
            return !candidate.isVarArgs();
        }
        Class<?>[] a = candidate.getParameterTypes();
        Class<?>[] b = current.getParameterTypes();
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!boxed(b[i]).isAssignableFrom(boxed(a[i]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(Method method, Object[] arguments) {
        Class<?>[] parameters = method.getParameterTypes();
        if (method.isVarArgs()) {
            if (arguments.length < parameters.length - 1) {
                return false;
            }
            Class<?> element = parameters[parameters.length - 1].getComponentType();
            for (int i = 0; i < arguments.length; i++) {
                if (!fits(i < parameters.length - 1 ? parameters[i] : element, arguments[i])) {
                    return false;
                }
            }
            return true;
        }
        if (parameters.length != arguments.length) {
            return false;
        }
        for (int i = 0; i < arguments.length; i++) {
            if (!fits(parameters[i], arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Class<?> parameter, Object argument) {
        if (argument == null) {
            return !parameter.isPrimitive();
        }
        return boxed(parameter).isInstance(argument);
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return MethodType.methodType(type).wrap().returnType();
    }

    private static Object[] varArgs(Method method, Object[] arguments) {
        Class<?>[] parameters = method.getParameterTypes();
        int fixed = parameters.length - 1;
        Object rest = Array.newInstance(parameters[fixed].getComponentType(), arguments.length - fixed);
        for (int i = fixed; i < arguments.length; i++) {
            Array.set(rest, i - fixed, arguments[i]);
        }
        Object[] packed = Arrays.copyOf(arguments, parameters.length);
        packed[fixed] = rest;
        return packed;
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return function.getTypeInference(typeFactory);
    }

    @Override
    public Set<FunctionRequirement> getRequirements() {
        return function.getRequirements();
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public boolean supportsConstantFolding() {
        return function.supportsConstantFolding();
    }

    @Override
    public String toString() {
        return function.toString();
    }

    /** The last arguments a function was called with on this thread, and what it returned. */
    private static final class LastCall {
        private Object[] arguments;
        private Object result;
        /** The {@link RowGeneration} it was made in; reused only within that row. */
        private long row;
    }
}
