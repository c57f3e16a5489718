package io.sluice.cli.bench;

import io.sluice.cli.CliException;
import io.sluice.runtime.nexmark.NexmarkTableFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Nexmark queries as Sluice SQL scripts ({@code nexmark/qN.sql} next to this class), each
 * writing to a {@code checksum} sink, and the source tables they read ({@code nexmark/tables.sql}).
 */
public final class NexmarkQueries {

    /** Every query of the benchmark that runs here, in order. */
    public static final List<String> ALL = List.of("q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9", "q10",
            "q11", "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22");

    /** The benchmark's queries that are left out, and why. */
    public static final Map<String, String> SKIPPED = skipped();

    private NexmarkQueries() {}

    private static Map<String, String> skipped() {
        Map<String, String> skipped = new LinkedHashMap<>();
        skipped.put("q6", "average selling price of a seller's last 10 auctions: an OVER window on the updating "
                + "result of an aggregation, which Flink SQL does not support");
        skipped.put("q12", "bids per bidder in processing-time windows: the result depends on wall-clock time, so "
                + "two runs cannot have equal checksums");
        skipped.put("q13", "join with a side input read from a file at processing time: needs an external file "
                + "and its result depends on when the lookup happens");
        return Map.copyOf(skipped);
    }

    /** The queries a {@code --queries} value names: "all" or a comma-separated list such as "q0,q5". */
    public static List<String> parse(String selection) {
        if (selection.trim().equalsIgnoreCase("all")) {
            return ALL;
        }
        List<String> queries = new ArrayList<>();
        for (String name : selection.split(",")) {
            String query = name.trim().toLowerCase(Locale.ROOT);
            if (query.isEmpty()) {
                continue;
            }
            if (SKIPPED.containsKey(query)) {
                throw new CliException(query + " is not part of this benchmark: " + SKIPPED.get(query));
            }
            if (!ALL.contains(query)) {
                throw new CliException("unknown query '" + name.trim() + "'; choose from " + String.join(",", ALL)
                        + " or all");
            }
            if (!queries.contains(query)) {
                queries.add(query);
            }
        }
        if (queries.isEmpty()) {
            throw new CliException("--queries names no query; choose from " + String.join(",", ALL) + " or all");
        }
        return List.copyOf(queries);
    }

    /** The source tables and views, reading {@code events} Nexmark events generated from {@code seed}. */
    public static String tables(long events, long seed) {
        return resource("tables.sql")
                .replace("${columns}", NexmarkTableFactory.COLUMNS)
                .replace("${events}", Long.toString(events))
                .replace("${seed}", Long.toString(seed));
    }

    /** The script of one query (its sink table and INSERT), without the source tables. */
    public static String query(String name) {
        if (!ALL.contains(name)) {
            throw new CliException("unknown query '" + name + "'");
        }
        return resource(name + ".sql");
    }

    /** The first comment line of a query: what it computes. */
    public static String description(String name) {
        return query(name).lines().findFirst().orElse("").replaceFirst("^--\\s*", "");
    }

    private static String resource(String file) {
        return BenchScripts.read("nexmark/" + file);
    }
}
