package io.sluice.cli.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.cli.CliException;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordUploaderTest {
    private final List<List<ProducedRecord>> batches = new ArrayList<>();
    private final RecordBatchWriter writer = batch -> {
        batches.add(batch);
        return batch.size();
    };

    @Test
    void sendsFullBatchesWhileInputIsWaiting() {
        long written = new RecordUploader(writer, new RecordLineParser(false), 3)
                .upload(new BufferedReader(new StringReader("a\nb\nc\nd\ne\nf\ng\n")));
        assertEquals(7, written);
        assertEquals(List.of(3, 3, 1), batches.stream().map(List::size).toList());
        assertEquals(new ProducedRecord(null, "g"), batches.get(2).get(0));
    }

    @Test
    void sendsAPartialBatchAsSoonAsNoMoreInputIsWaiting() {
        long written = new RecordUploader(writer, new RecordLineParser(false), 500)
                .upload(new BufferedReader(new LineAtATimeReader("a\n", "b\n", "c\n")));
        assertEquals(3, written);
        assertEquals(List.of(1, 1, 1), batches.stream().map(List::size).toList());
    }

    @Test
    void keyedLinesSplitAtTheFirstTabAndKeepEmptyValues() {
        new RecordUploader(writer, new RecordLineParser(true), 10)
                .upload(new BufferedReader(new StringReader("user_1\t{\"a\":\"x\ty\"}\nuser_2\t\n")));
        assertEquals(List.of(new ProducedRecord("user_1", "{\"a\":\"x\ty\"}"), new ProducedRecord("user_2", "")),
                batches.get(0));
    }

    @Test
    void lineWithoutTabWritesTheLinesBeforeItAndSaysSo() {
        RecordUploader uploader = new RecordUploader(writer, new RecordLineParser(true), 10);
        CliException e = assertThrows(CliException.class,
                () -> uploader.upload(new BufferedReader(new StringReader("k1\tv1\nk2\tv2\noops\nk4\tv4\n"))));
        assertEquals("stdin line 3 has no TAB; with --keyed each line is KEY<TAB>VALUE (2 records written before it)",
                e.getMessage());
        assertEquals(List.of(List.of(new ProducedRecord("k1", "v1"), new ProducedRecord("k2", "v2"))), batches);
    }

    /** Input that arrives one line at a time, like a terminal or a slow pipe. */
    private static final class LineAtATimeReader extends Reader {
        private final List<String> lines;
        private int next;

        LineAtATimeReader(String... lines) {
            this.lines = List.of(lines);
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next == lines.size()) {
                return -1;
            }
            String line = lines.get(next++);
            line.getChars(0, line.length(), buffer, offset);
            return line.length();
        }

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public void close() {}
    }
}
