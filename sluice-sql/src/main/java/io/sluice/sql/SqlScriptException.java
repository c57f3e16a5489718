package io.sluice.sql;

import java.util.List;
import java.util.stream.Collectors;

/** A script that cannot become a job; carries every error with its position in the script. */
public final class SqlScriptException extends RuntimeException {
    private final List<SqlError> errors;

    public SqlScriptException(List<SqlError> errors) {
        super(errors.stream().map(SqlError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public SqlScriptException(SqlError error) {
        this(List.of(error));
    }

    public List<SqlError> errors() {
        return errors;
    }
}
