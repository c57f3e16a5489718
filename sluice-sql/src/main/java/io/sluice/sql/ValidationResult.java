package io.sluice.sql;

import java.util.List;

/** What validate answers: the script's errors (none when valid) and warnings that do not block it. */
public record ValidationResult(List<SqlError> errors, List<String> warnings) {
    public ValidationResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
