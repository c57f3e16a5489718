package io.sluice.server.api;

import java.util.List;

import io.sluice.sql.SqlError;

/** A request the API refuses, with the HTTP status and a message that names the object and the fix. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<SqlError> errors;

    public ApiException(int status, String message, List<SqlError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message, List.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, List.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message, List.of());
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, message, List.of());
    }

    public int status() {
        return status;
    }

    public List<SqlError> errors() {
        return errors;
    }
}
