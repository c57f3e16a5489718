package io.sluice.sql.preview;

import java.util.List;

/** The preview of every INSERT of a script, in script order. */
public record PreviewResult(List<SinkPreview> sinks) {
    public PreviewResult {
        sinks = List.copyOf(sinks);
    }
}
