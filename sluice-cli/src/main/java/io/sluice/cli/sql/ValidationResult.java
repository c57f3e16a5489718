package io.sluice.cli.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cli.client.SqlProblem;
import java.util.List;

/** The answer of {@code POST /api/sql/validate}. Warnings are kept as JSON: text or positioned objects. */
public record ValidationResult(boolean valid, List<SqlProblem> errors, List<JsonNode> warnings) {
    public ValidationResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
