package io.sluice.server.jobs;

/**
 * Which state a deployment starts from: {@code AUTO} resumes the job where it stopped (a running
 * deployment is stopped with a savepoint first; else the latest savepoint, if any), {@code LATEST} the
 * newest savepoint, {@code NONE} empty state, or one savepoint by id.
 */
public record RestoreChoice(Kind kind, Long savepointId) {
    public static final RestoreChoice AUTO = new RestoreChoice(Kind.AUTO, null);

    public enum Kind {
        AUTO,
        LATEST,
        NONE,
        SAVEPOINT
    }

    /** Parses {@code latest}, {@code none} or a savepoint id; null means AUTO. */
    public static RestoreChoice parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "latest" -> new RestoreChoice(Kind.LATEST, null);
            case "none" -> new RestoreChoice(Kind.NONE, null);
            default -> {
                try {
                    yield new RestoreChoice(Kind.SAVEPOINT, Long.parseLong(text.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fromSavepoint must be a savepoint id, 'latest' or 'none', was '" + text + "'", e);
                }
            }
        };
    }
}
