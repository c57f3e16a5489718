package io.sluice.cli.client;

import io.sluice.cli.CliException;
import java.util.List;

/**
 * The server refused a request; the message is the server's {@code error} text, which names the
 * object and the fix. SQL errors come with their positions in {@link #problems()}.
 */
public final class ApiException extends CliException {
    private final int status;
    private final List<SqlProblem> problems;

    public ApiException(int status, String message, List<SqlProblem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public List<SqlProblem> problems() {
        return problems;
    }
}
