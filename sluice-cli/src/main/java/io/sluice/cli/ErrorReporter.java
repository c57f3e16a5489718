package io.sluice.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one clear message on stderr and a non-zero exit code. */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final PrintWriter err;

    public ErrorReporter(PrintWriter err) {
        this.err = requireNonNull(err, "err is null");
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
        if (exception instanceof CliException cliException) {
            cliException.lines().forEach(err::println);
        } else {
            // a bug, not a user error: still one line, naming the exception so that it can be reported
            err.println("unexpected error in '" + command.getCommandSpec().qualifiedName() + "': " + exception);
        }
        err.flush();
        return FAILURE;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        err.println(exception.getMessage() + " (see '" + exception.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return USAGE;
    }
}
