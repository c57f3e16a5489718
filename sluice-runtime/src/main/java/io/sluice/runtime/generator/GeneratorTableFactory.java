package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

/** What the generator connectors share: option validation, column selection and the source. */
public abstract class GeneratorTableFactory<E> implements DynamicTableSourceFactory {

    private final GeneratorSchema<E> schema;
    private final Set<ConfigOption<?>> connectorOptions;

    protected GeneratorTableFactory(GeneratorSchema<E> schema, Set<ConfigOption<?>> connectorOptions) {
        this.schema = requireNonNull(schema, "schema is null");
        this.connectorOptions = Set.copyOf(connectorOptions);
    }

    /** The generator for validated options; fails with a message naming the offending option. */
    protected abstract EventGenerator<E> generator(GeneratorSettings settings, OptionReader options);

    /**
     * The generator behind a table with these WITH options (keys this connector does not know are
     * ignored), so tests and tools can compute the same events without running Flink.
     */
    public EventGenerator<E> generatorFor(Map<String, String> withOptions) {
        OptionReader options = new OptionReader(factoryIdentifier(), Configuration.fromMap(withOptions));
        return generator(GeneratorSettings.read(options), options);
    }

    @Override
    public String factoryIdentifier() {
        return schema.connector();
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new HashSet<>(GeneratorOptions.COMMON);
        options.addAll(connectorOptions);
        return Set.copyOf(options);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        OptionReader options = new OptionReader(factoryIdentifier(), helper.getOptions());
        GeneratorSettings settings = GeneratorSettings.read(options);
        return new GeneratorTableSource<>(
                factoryIdentifier(),
                generator(settings, options),
                schema.columnsOf(context.getPhysicalRowDataType()),
                context.getPhysicalRowDataType(),
                settings);
    }
}
