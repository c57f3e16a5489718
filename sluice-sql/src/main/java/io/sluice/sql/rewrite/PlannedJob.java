package io.sluice.sql.rewrite;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A planned job's transformation graph, sinks first, with what rewrites need: the job's configuration
 * (its settings and {@code SET} statements), every transformation in a deterministic order, the
 * consumers of a transformation, and a way to put a new transformation between one and its consumers.
 */
public final class PlannedJob {
    private final List<Transformation<?>> sinks;
    private final ReadableConfig config;
    private final Function<String, Map<String, String>> tableOptions;

    /** A job without catalog access: every table's options read as empty. */
    public PlannedJob(List<Transformation<?>> sinks, ReadableConfig config) {
        this(sinks, config, table -> Map.of());
    }

    /**
     * @param tableOptions a table's options by its name as plans print it ({@code catalog.database.table}),
     *        empty for an unknown table
     */
    public PlannedJob(List<Transformation<?>> sinks, ReadableConfig config, Function<String, Map<String, String>> tableOptions) {
        this.sinks = requireNonNull(sinks, "sinks is null");
        this.config = requireNonNull(config, "config is null");
        this.tableOptions = requireNonNull(tableOptions, "tableOptions is null");
    }

    /** The options a table of the script was declared with ({@code catalog.database.table}); empty if unknown. */
    public Map<String, String> tableOptions(String qualifiedName) {
        return tableOptions.apply(qualifiedName);
    }

    /** The job's effective configuration: platform options, profile, settings and SET statements. */
    public ReadableConfig config() {
        return config;
    }

    /** The sink transformations; a rewrite may append to this list (e.g. a side output's sink). */
    public List<Transformation<?>> sinks() {
        return sinks;
    }

    /** Every transformation reachable from the sinks, each input before its consumers, in a stable order. */
    public List<Transformation<?>> transformations() {
        Set<Transformation<?>> ordered = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Transformation<?>> result = new ArrayList<>();
        for (Transformation<?> sink : sinks) {
            visit(sink, ordered, result);
        }
        return result;
    }

    private static void visit(Transformation<?> transformation, Set<Transformation<?>> seen, List<Transformation<?>> result) {
        if (!seen.add(transformation)) {
            return;
        }
        for (Transformation<?> input : transformation.getInputs()) {
            visit(input, seen, result);
        }
        result.add(transformation);
    }

    /** The transformations that read {@code producer}'s output. */
    public List<Transformation<?>> consumersOf(Transformation<?> producer) {
        Set<Transformation<?>> consumers = new LinkedHashSet<>();
        for (Transformation<?> transformation : transformations()) {
            for (Transformation<?> input : transformation.getInputs()) {
                if (input == producer) {
                    consumers.add(transformation);
                }
            }
        }
        return List.copyOf(consumers);
    }

    /**
     * Puts a new transformation between {@code producer} and all its current consumers.
     *
     * @param between builds the new transformation from its input, {@code producer}
     * @return the new transformation
     */
    public <T> Transformation<T> insertAfter(Transformation<?> producer, Function<Transformation<?>, Transformation<T>> between) {
        List<Transformation<?>> consumers = consumersOf(producer);
        Transformation<T> inserted = between.apply(producer);
        for (Transformation<?> consumer : consumers) {
            replaceInput(consumer, producer, inserted);
        }
        return inserted;
    }

    /**
     * Points {@code consumer} at {@code replacement} where it read {@code original}. Flink's
     * transformations keep their inputs in final fields and offer no setter; the graph is ours until
     * submission, so the fields are set directly.
     */
    public static void replaceInput(Transformation<?> consumer, Transformation<?> original, Transformation<?> replacement) {
        boolean replaced = false;
        for (Class<?> type = consumer.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                replaced |= replaceIn(consumer, field, original, replacement);
            }
        }
        if (!replaced) {
            throw new IllegalStateException("cannot find the input " + original + " of " + consumer);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean replaceIn(Object owner, Field field, Transformation<?> original, Transformation<?> replacement) {
        try {
            if (Transformation.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                if (field.get(owner) == original) {
                    field.set(owner, replacement);
                    return true;
                }
            } else if (List.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                Object value = field.get(owner);
                if (value instanceof List list && list.stream().anyMatch(element -> element == original)) {
                    List copy = new ArrayList(list);
                    for (ListIterator iterator = copy.listIterator(); iterator.hasNext(); ) {
                        if (iterator.next() == original) {
                            iterator.set(replacement);
                        }
                    }
                    field.set(owner, copy);
                    return true;
                }
            }
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot rewire " + owner + "'s field " + field.getName(), e);
        }
    }
}
