package io.sluice.sql.rewrite;

import java.util.List;

/**
 * One change Sluice makes to a job's operators after Flink's planner has planned it: an operator
 * inserted, replaced or configured. Each rewrite decides from the job's settings whether it applies
 * and reports where it did, so {@code explain} can show it.
 */
public interface PlanRewrite {

    /**
     * Rewrites the planned job in place.
     *
     * @return one line per place the rewrite applied, e.g. {@code "lazy emission after GlobalWindowAggregate[7] (key: page)"};
     *         empty when it did not apply
     */
    List<String> apply(PlannedJob job);
}
