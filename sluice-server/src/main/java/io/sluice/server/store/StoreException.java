package io.sluice.server.store;

/** The metadata database failed; the message names the operation. */
public final class StoreException extends RuntimeException {
    public StoreException(String operation, Exception cause) {
        super("metadata store failed to " + operation + ": " + cause.getMessage(), cause);
    }
}
