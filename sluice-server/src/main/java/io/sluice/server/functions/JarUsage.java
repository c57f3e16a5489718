package io.sluice.server.functions;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

import io.sluice.server.jobs.JobService;
import io.sluice.server.jobs.JobStatus;
import io.sluice.sql.ScriptSplitter;
import io.sluice.sql.Statement;
import io.sluice.sql.function.FunctionStatement;

/** Whether a job's latest or deployed version names a jar in {@code CREATE FUNCTION ... USING JAR}. */
public final class JarUsage implements Predicate<String> {
    private final JobService jobs;
    private final ScriptSplitter splitter = new ScriptSplitter();

    public JarUsage(JobService jobs) {
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    @Override
    public boolean test(String jarName) {
        for (JobStatus job : jobs.list()) {
            Set<Integer> versions = new LinkedHashSet<>();
            versions.add(job.latestVersion());
            if (job.version() != null) {
                versions.add(job.version());
            }
            for (int version : versions) {
                if (version > 0 && uses(jobs.version(job.name(), version).sql(), jarName)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean uses(String sql, String jarName) {
        for (Statement statement : splitter.split(sql)) {
            if (FunctionStatement.parse(statement.text()).stream()
                    .flatMap(function -> function.jars().stream())
                    .anyMatch(jar -> jar.name().equals(jarName))) {
                return true;
            }
        }
        return false;
    }
}
