package io.sluice.runtime.nexmark;

import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP_LTZ;

import io.sluice.runtime.generator.EventGenerator;
import io.sluice.runtime.generator.GeneratorColumn;
import io.sluice.runtime.generator.GeneratorSchema;
import io.sluice.runtime.generator.GeneratorSettings;
import io.sluice.runtime.generator.GeneratorTableFactory;
import io.sluice.runtime.generator.OptionReader;
import java.util.List;
import java.util.Set;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;

/**
 * {@code 'connector' = 'nexmark'}: the Nexmark benchmark's events as one table, the way the benchmark
 * defines it: {@code event_type INT} (0 person, 1 auction, 2 bid), one nested row per kind of which
 * only the event's own is set, and {@code date_time TIMESTAMP(3)}, the event's time, to declare the
 * watermark on. The exact column types are in {@link #COLUMNS}; a table declares any subset.
 * The generator options ({@code seed}, {@code events}, {@code rate}, {@code interval},
 * {@code out-of-orderness}, ...) are the same as for the other generators.
 */
public final class NexmarkTableFactory extends GeneratorTableFactory<NexmarkEvent> {

    public static final String IDENTIFIER = "nexmark";

    public static final DataType PERSON_TYPE = ROW(
            FIELD("id", BIGINT()), FIELD("name", STRING()), FIELD("emailAddress", STRING()),
            FIELD("creditCard", STRING()), FIELD("city", STRING()), FIELD("state", STRING()),
            FIELD("date_time", TIMESTAMP(3)), FIELD("extra", STRING()));
    public static final DataType AUCTION_TYPE = ROW(
            FIELD("id", BIGINT()), FIELD("itemName", STRING()), FIELD("description", STRING()),
            FIELD("initialBid", BIGINT()), FIELD("reserve", BIGINT()), FIELD("date_time", TIMESTAMP(3)),
            FIELD("expires", TIMESTAMP(3)), FIELD("seller", BIGINT()), FIELD("category", BIGINT()),
            FIELD("extra", STRING()));
    public static final DataType BID_TYPE = ROW(
            FIELD("auction", BIGINT()), FIELD("bidder", BIGINT()), FIELD("price", BIGINT()),
            FIELD("channel", STRING()), FIELD("url", STRING()), FIELD("date_time", TIMESTAMP(3)),
            FIELD("extra", STRING()));

    /** The column list to paste into a CREATE TABLE. */
    public static final String COLUMNS = "event_type INT, person " + PERSON_TYPE.getLogicalType().asSerializableString()
            + ", auction " + AUCTION_TYPE.getLogicalType().asSerializableString()
            + ", bid " + BID_TYPE.getLogicalType().asSerializableString() + ", date_time TIMESTAMP(3)";

    private static final GeneratorSchema<NexmarkEvent> SCHEMA = new GeneratorSchema<>(IDENTIFIER, List.of(
            new GeneratorColumn<>("event_type", List.of(INT()), event -> event.type().code()),
            new GeneratorColumn<>("person", List.of(PERSON_TYPE), event -> row(event.person())),
            new GeneratorColumn<>("auction", List.of(AUCTION_TYPE), event -> row(event.auction())),
            new GeneratorColumn<>("bid", List.of(BID_TYPE), event -> row(event.bid())),
            new GeneratorColumn<>("date_time", List.of(TIMESTAMP(3), TIMESTAMP_LTZ(3)),
                    event -> TimestampData.fromEpochMillis(event.dateTimeMillis()))));

    public NexmarkTableFactory() {
        super(SCHEMA, Set.of());
    }

    @Override
    protected EventGenerator<NexmarkEvent> generator(GeneratorSettings settings, OptionReader options) {
        return new NexmarkGenerator(settings.seed(), settings.timing());
    }

    private static GenericRowData row(Person person) {
        if (person == null) {
            return null;
        }
        return GenericRowData.of(person.id(), text(person.name()), text(person.emailAddress()),
                text(person.creditCard()), text(person.city()), text(person.state()),
                TimestampData.fromEpochMillis(person.dateTimeMillis()), text(person.extra()));
    }

    private static GenericRowData row(Auction auction) {
        if (auction == null) {
            return null;
        }
        return GenericRowData.of(auction.id(), text(auction.itemName()), text(auction.description()),
                auction.initialBid(), auction.reserve(), TimestampData.fromEpochMillis(auction.dateTimeMillis()),
                TimestampData.fromEpochMillis(auction.expiresMillis()), auction.seller(), auction.category(),
                text(auction.extra()));
    }

    private static GenericRowData row(Bid bid) {
        if (bid == null) {
            return null;
        }
        return GenericRowData.of(bid.auction(), bid.bidder(), bid.price(), text(bid.channel()), text(bid.url()),
                TimestampData.fromEpochMillis(bid.dateTimeMillis()), text(bid.extra()));
    }

    private static StringData text(String value) {
        return StringData.fromString(value);
    }
}
