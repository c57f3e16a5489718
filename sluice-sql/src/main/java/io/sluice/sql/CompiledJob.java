package io.sluice.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;

import io.sluice.sql.rewrite.PlanRewrites;
import io.sluice.sql.rewrite.PlannedJob;

/** A script turned into one Flink statement set, ready to explain or submit. */
public final class CompiledJob {
    private final StreamExecutionEnvironment environment;
    private final StreamStatementSet statementSet;
    private final List<Statement> inserts;
    private final SecretMask mask;
    private final ReadableConfig config;
    private final PlanRewrites rewrites;
    private final Function<String, Map<String, String>> tableOptions;
    private final List<String> scriptNotes;
    private List<Transformation<?>> planned;
    private List<String> rewritesApplied;

    CompiledJob(StreamExecutionEnvironment environment, StreamStatementSet statementSet, List<Statement> inserts,
            SecretMask mask, ReadableConfig config, PlanRewrites rewrites, Function<String, Map<String, String>> tableOptions,
            List<String> scriptNotes) {
        this.environment = requireNonNull(environment, "environment is null");
        this.statementSet = requireNonNull(statementSet, "statementSet is null");
        this.inserts = List.copyOf(inserts);
        this.mask = requireNonNull(mask, "mask is null");
        this.config = requireNonNull(config, "config is null");
        this.rewrites = requireNonNull(rewrites, "rewrites is null");
        this.tableOptions = requireNonNull(tableOptions, "tableOptions is null");
        this.scriptNotes = List.copyOf(scriptNotes);
    }

    /**
     * Plans the job and returns the optimized plan, secrets masked. A planning error (e.g. an update
     * stream into an append-only sink) becomes a {@link SqlScriptException} at the INSERT it concerns.
     */
    public String explain() {
        try {
            String flinkPlan = statementSet.explain();
            plannedWithStableIdentities();
            StringBuilder plan = new StringBuilder(flinkPlan);
            plan.append(System.lineSeparator()).append("== Sluice Rewrites ==").append(System.lineSeparator());
            if (rewritesApplied.isEmpty()) {
                plan.append("(none)").append(System.lineSeparator());
            }
            rewritesApplied.forEach(line -> plan.append(line).append(System.lineSeparator()));
            return mask.apply(plan.toString());
        } catch (RuntimeException e) {
            throw new SqlScriptException(new FlinkErrorTranslator(mask).translate(insertConcerned(e), e));
        }
    }

    /** What Sluice's plan rewrites changed in this job, one line per place (see {@link PlanRewrites}). */
    public List<String> rewritesApplied() {
        plannedWithStableIdentities();
        return rewritesApplied;
    }

    /**
     * Submits the job to the cluster the compiler was configured for and returns its Flink id. Its
     * stateful operators get identities from what they compute, not from the plan's shape, so a
     * savepoint still fits after a stateless change (see {@link OperatorIdentities}).
     */
    public JobID submit() {
        plannedWithStableIdentities();
        try {
            return environment.executeAsync().getJobID();
        } catch (Exception e) {
            throw new JobSubmissionException("Flink did not accept the job: " + e.getMessage(), e);
        }
    }

    /**
     * Plans the job into the environment's transformations (sinks first) once, applies Sluice's
     * rewrites, then gives each operator its stable uid.
     */
    synchronized List<Transformation<?>> plannedWithStableIdentities() {
        if (planned == null) {
            statementSet.attachAsDataStream();
            List<Transformation<?>> sinks = environment.getTransformations();
            List<String> applied = new ArrayList<>(scriptNotes);
            applied.addAll(rewrites.apply(new PlannedJob(sinks, config, tableOptions)));
            rewritesApplied = List.copyOf(applied);
            new OperatorIdentities().assign(sinks);
            planned = sinks;
        }
        return planned;
    }

    /** Planner messages name the sink table; point at the INSERT into it, else at the first INSERT. */
    private Statement insertConcerned(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            for (Statement insert : inserts) {
                String target = targetTable(insert);
                if (!target.isEmpty() && message.contains(target)) {
                    return insert;
                }
            }
        }
        return inserts.get(0);
    }

    private static String targetTable(Statement insert) {
        String[] words = insert.text().trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equalsIgnoreCase("INTO") || words[i].equalsIgnoreCase("OVERWRITE")) {
                String name = words[i + 1].replace("`", "");
                int paren = name.indexOf('(');
                name = paren >= 0 ? name.substring(0, paren) : name;
                int dot = name.lastIndexOf('.');
                return dot >= 0 ? name.substring(dot + 1) : name;
            }
        }
        return "";
    }
}
