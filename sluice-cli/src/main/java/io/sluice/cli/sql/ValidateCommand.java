package io.sluice.cli.sql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate",
        description = {"Check SQL scripts against the server's catalog without deploying them.",
                "Prints FILE: valid, or each error as FILE:LINE:COLUMN: message; exits 1 if any script is invalid."})
public final class ValidateCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SQL script(s) to check.")
    private List<Path> files;

    public ValidateCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        SqlClient sql = new SqlClient(server.client());
        boolean allValid = true;
        for (Path file : files) {
            allValid &= validate(sql, SqlScript.read(file));
        }
        return allValid ? 0 : 1;
    }

    private boolean validate(SqlClient sql, SqlScript script) {
        ValidationResult result;
        try {
            result = sql.validate(script);
        } catch (InvalidSqlException e) {
            // a server may also answer 400 with the errors; for validate that is the same verdict
            e.lines().forEach(terminal.err()::println);
            return false;
        }
        for (JsonNode warning : result.warnings()) {
            terminal.err().println(warningLine(script.source(), warning));
        }
        if (result.valid()) {
            terminal.out().println(script.source() + ": valid");
            return true;
        }
        result.errors().forEach(error -> terminal.err().println(error.format(script.source())));
        if (result.errors().isEmpty()) {
            terminal.err().println(script.source() + ": invalid (the server gave no details)");
        }
        return false;
    }

    static String warningLine(String source, JsonNode warning) {
        if (warning.isTextual()) {
            return source + ": warning: " + warning.asText();
        }
        StringBuilder line = new StringBuilder(source);
        if (warning.path("line").asInt() > 0) {
            line.append(':').append(warning.get("line").asInt());
            if (warning.path("column").asInt() > 0) {
                line.append(':').append(warning.get("column").asInt());
            }
        }
        String message = warning.path("message").isTextual() ? warning.get("message").asText() : warning.toString();
        return line.append(": warning: ").append(message).toString();
    }
}
