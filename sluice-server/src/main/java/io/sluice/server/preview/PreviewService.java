package io.sluice.server.preview;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.sluice.server.api.ApiException;
import io.sluice.sql.SqlPreviewer;
import io.sluice.sql.preview.PreviewException;
import io.sluice.sql.preview.PreviewRequest;
import io.sluice.sql.preview.PreviewResult;

/**
 * Runs previews one at a time: each runs a Flink mini cluster inside the server, and two at once would
 * only slow each other down on a small machine.
 */
public final class PreviewService {
    private static final int UNPROCESSABLE = 422;
    private static final int TOO_MANY_REQUESTS = 429;

    private final SqlPreviewer previewer;
    private final Semaphore running = new Semaphore(1, true);

    public PreviewService(SqlPreviewer previewer) {
        this.previewer = requireNonNull(previewer, "previewer is null");
    }

    public PreviewResult preview(PreviewRequest request) {
        try {
            if (!running.tryAcquire(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(TOO_MANY_REQUESTS, "another preview is still running; try again when it is done",
                        List.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for another preview");
        }
        try {
            return previewer.preview(request);
        } catch (PreviewException e) {
            throw new ApiException(UNPROCESSABLE, e.getMessage(), List.of());
        } finally {
            running.release();
        }
    }
}
