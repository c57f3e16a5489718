package io.sluice.sql.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.TimeUtils;

import io.sluice.sql.SqlScriptException;
import io.sluice.sql.Statement;
import io.sluice.sql.catalog.ConnectionResolver;
import io.sluice.sql.catalog.ResolvedConnection;

/**
 * The settings of late-accumulating tumbling windows. {@code sluice.window.allowed-lateness} switches
 * them on: Flink's group-window aggregates then keep each window for that long after it fired and
 * fire again on late rows ({@link LateTumbleRewrite} bounds how often those corrections go out and
 * diverts rows later than that to the late-rows output).
 */
public final class LateWindowSettings {
    public static final ConfigOption<Duration> ALLOWED_LATENESS = ConfigOptions.key("sluice.window.allowed-lateness")
            .durationType().noDefaultValue()
            .withDescription("How long a GROUP BY TUMBLE(...) window accepts late rows after it fired; each late "
                    + "row's window and key is re-emitted with its corrected total. Unset: late rows are dropped.");
    public static final ConfigOption<Duration> CORRECTION_INTERVAL = ConfigOptions.key("sluice.window.late-fire-interval")
            .durationType().noDefaultValue()
            .withDescription("The least processing time between two corrections of one window and key; "
                    + "default: the window's length.");
    public static final ConfigOption<String> LATE_ROWS_TOPIC = ConfigOptions.key("sluice.late-rows.topic")
            .stringType().noDefaultValue()
            .withDescription("Kafka topic that receives, as JSON, the rows later than the allowed lateness.");
    public static final ConfigOption<String> LATE_ROWS_CONNECTION = ConfigOptions.key("sluice.late-rows.connection")
            .stringType().noDefaultValue()
            .withDescription("The catalog's Kafka connection that the late-rows topic is written through.");
    /** Internal: the Kafka client properties of the late-rows connection, resolved by the compiler. */
    static final ConfigOption<Map<String, String>> LATE_ROWS_KAFKA = ConfigOptions.key("sluice.late-rows.kafka-properties")
            .mapType().noDefaultValue()
            .withDescription("Set by the compiler from sluice.late-rows.connection.");

    /** Internal: the script's tables with a primary key, as {@code catalog.database.table}: upsert sinks. */
    static final ConfigOption<List<String>> UPSERT_SINKS = ConfigOptions.key("sluice.window.upsert-sink-tables")
            .stringType().asList().noDefaultValue()
            .withDescription("Set by the compiler: the tables a late correction must not retract before updating.");

    private static final String KAFKA_PROPERTY = "properties.";

    private LateWindowSettings() {
    }

    /**
     * Turns on Flink's late firing for group-window aggregates when an allowed lateness is set, on
     * every late row (Sluice's rewrite coalesces the corrections), and resolves the late-rows connection.
     */
    public static void applyTo(Configuration configuration, List<Statement> statements, ConnectionResolver connections) {
        Optional<Duration> lateness = configuration.getOptional(ALLOWED_LATENESS);
        if (lateness.isEmpty()) {
            return;
        }
        configuration.setString("table.exec.emit.allow-lateness", TimeUtils.formatWithHighestUnit(lateness.get()));
        configuration.setString("table.exec.emit.late-fire.enabled", "true");
        configuration.setString("table.exec.emit.late-fire.delay", "0 ms");
        Optional<String> topic = configuration.getOptional(LATE_ROWS_TOPIC);
        if (topic.isEmpty()) {
            return;
        }
        Statement topicSet = setStatement(statements, LATE_ROWS_TOPIC.key());
        String connection = configuration.getOptional(LATE_ROWS_CONNECTION).orElseThrow(() -> new SqlScriptException(
                topicSet.errorAtStart("'" + LATE_ROWS_TOPIC.key() + "' needs '" + LATE_ROWS_CONNECTION.key()
                        + "', the name of the Kafka connection to write it through")));
        ResolvedConnection resolved = connections.resolve(connection).orElseThrow(() -> new SqlScriptException(
                setStatement(statements, LATE_ROWS_CONNECTION.key()).errorAtStart("no connection named '" + connection
                        + "' is registered; '" + LATE_ROWS_CONNECTION.key() + "' names a Kafka connection of the catalog")));
        Map<String, String> kafka = new HashMap<>();
        resolved.connectorOptions().forEach((key, value) -> {
            if (key.startsWith(KAFKA_PROPERTY)) {
                kafka.put(key.substring(KAFKA_PROPERTY.length()), value);
            }
        });
        if (!kafka.containsKey("bootstrap.servers")) {
            throw new SqlScriptException(setStatement(statements, LATE_ROWS_CONNECTION.key()).errorAtStart(
                    "connection '" + connection + "' has no properties.bootstrap.servers; the late-rows output needs a Kafka connection"));
        }
        configuration.set(LATE_ROWS_KAFKA, kafka);
    }

    /**
     * Records which of the script's tables have a primary key, once its DDL ran: a correction written
     * to one of them must not be preceded by a retraction, which it would apply as a delete.
     */
    public static void recordUpsertSinks(StreamTableEnvironment tables) {
        if (tables.getConfig().getOptional(ALLOWED_LATENESS).isEmpty()) {
            return;
        }
        List<String> upsertSinks = new ArrayList<>();
        for (String table : tables.listTables()) {
            if (tables.from("`" + table.replace("`", "``") + "`").getResolvedSchema().getPrimaryKey().isPresent()) {
                upsertSinks.add(tables.getCurrentCatalog() + "." + tables.getCurrentDatabase() + "." + table);
            }
        }
        tables.getConfig().set(UPSERT_SINKS, upsertSinks);
    }

    private static Statement setStatement(List<Statement> statements, String key) {
        for (Statement statement : statements) {
            if (statement.kind() == Statement.Kind.SET && statement.text().toLowerCase(Locale.ROOT).contains("'" + key + "'")) {
                return statement;
            }
        }
        return statements.get(0);
    }
}
