package io.sluice.cli.topics;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records line by line and writes them in batches. A batch is also sent as soon as no more
 * input is waiting, so that records typed or piped in slowly arrive without delay.
 */
public final class RecordUploader {
    private final RecordBatchWriter writer;
    private final RecordLineParser parser;
    private final int batchSize;

    public RecordUploader(RecordBatchWriter writer, RecordLineParser parser, int batchSize) {
        this.writer = requireNonNull(writer, "writer is null");
        this.parser = requireNonNull(parser, "parser is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Uploads every line of the input and answers how many records were written. */
    public long upload(BufferedReader input) {
        List<ProducedRecord> batch = new ArrayList<>(batchSize);
        long written = 0;
        long lineNumber = 0;
        String line;
        while ((line = readLine(input)) != null) {
            lineNumber++;
            ProducedRecord record;
            try {
                record = parser.parse(line, lineNumber);
            } catch (CliException e) {
                // the lines before the bad one go out, so the message can say exactly what was written
                written += flush(batch);
                throw new CliException(e.getMessage() + " (" + written + " records written before it)", e);
            }
            batch.add(record);
            if (batch.size() >= batchSize || !ready(input)) {
                written += flush(batch);
            }
        }
        return written + flush(batch);
    }

    private int flush(List<ProducedRecord> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int written = writer.write(List.copyOf(batch));
        batch.clear();
        return written;
    }

    private static String readLine(BufferedReader input) {
        try {
            return input.readLine();
        } catch (IOException e) {
            throw new CliException("cannot read stdin: " + e.getMessage(), e);
        }
    }

    private static boolean ready(BufferedReader input) {
        try {
            return input.ready();
        } catch (IOException e) {
            throw new CliException("cannot read stdin: " + e.getMessage(), e);
        }
    }
}
