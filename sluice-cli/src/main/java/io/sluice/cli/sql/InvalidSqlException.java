package io.sluice.cli.sql;

import io.sluice.cli.CliException;
import io.sluice.cli.client.SqlProblem;
import java.util.List;

/** The server rejected a script; printed as one {@code FILE:LINE:COLUMN: message} line per error. */
public final class InvalidSqlException extends CliException {
    private final String source;
    private final List<SqlProblem> problems;

    public InvalidSqlException(String source, List<SqlProblem> problems, String summary) {
        super(summary);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<String> lines() {
        return problems.stream().map(problem -> problem.format(source)).toList();
    }
}
