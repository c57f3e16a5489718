package io.sluice.examples.udfs;

import org.apache.flink.table.annotation.ArgumentHint;
import org.apache.flink.table.annotation.ArgumentTrait;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.annotation.StateHint;
import org.apache.flink.table.functions.ProcessTableFunction;
import org.apache.flink.types.Row;

/**
 * {@code visit_stats(input => TABLE visits PARTITION BY user_name)}: a process table function that keeps
 * running statistics per user in Flink managed state and emits them with every visit.
 *
 * <p>In: a table with at least {@code host STRING} and {@code duration_ms BIGINT} columns (any others are
 * ignored), partitioned by the key to keep statistics for. Out, after the partition key(s) that Flink puts
 * first: {@code visits} (visits so far, this one included), {@code total_ms}, {@code longest_ms},
 * {@code distinct_hosts} (hosts seen so far) and {@code previous_host} (NULL on a user's first visit).
 */
@FunctionHint(output = @DataTypeHint(
        "ROW<visits BIGINT, total_ms BIGINT, longest_ms BIGINT, distinct_hosts INT, previous_host STRING>"))
public class VisitStats extends ProcessTableFunction<Row> {

    /** One user's statistics so far; a POJO that Flink keeps in its managed state. */
    public static class Totals {
        public long visits;
        public long totalMs;
        public long longestMs;
        /** Hosts seen so far, separated by '\n' (a small set per user in this example). */
        public String hosts = "";
        public String previousHost;
    }

    public void eval(@StateHint Totals totals,
            @ArgumentHint(value = ArgumentTrait.SET_SEMANTIC_TABLE, name = "input") Row visit) {
        String host = visit.getFieldAs("host");
        Long duration = visit.getFieldAs("duration_ms");
        long ms = duration == null ? 0 : duration;
        String previous = totals.previousHost;
        totals.visits++;
        totals.totalMs += ms;
        totals.longestMs = Math.max(totals.longestMs, ms);
        if (host != null && !("\n" + totals.hosts).contains("\n" + host + "\n")) {
            totals.hosts = totals.hosts + host + "\n";
        }
        totals.previousHost = host;
        int distinctHosts = totals.hosts.isEmpty() ? 0 : totals.hosts.split("\n").length;
        collect(Row.of(totals.visits, totals.totalMs, totals.longestMs, distinctHosts, previous));
    }
}
