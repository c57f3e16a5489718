package io.sluice.cli.client;

import io.sluice.cli.CliException;

/** Nothing accepts connections at the server address. */
public final class ServerUnreachableException extends CliException {
    public ServerUnreachableException(String url, Throwable cause) {
        super("no Sluice server at " + url + "; start one with `bin/sluice server`", cause);
    }
}
