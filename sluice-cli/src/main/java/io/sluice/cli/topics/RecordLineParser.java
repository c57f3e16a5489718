package io.sluice.cli.topics;

import io.sluice.cli.CliException;

/** Turns an input line into a record: the whole line is the value, or {@code KEY<TAB>VALUE} when keyed. */
public final class RecordLineParser {
    private final boolean keyed;

    public RecordLineParser(boolean keyed) {
        this.keyed = keyed;
    }

    public ProducedRecord parse(String line, long lineNumber) {
        if (!keyed) {
            return new ProducedRecord(null, line);
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new CliException("stdin line " + lineNumber + " has no TAB; with --keyed each line is KEY<TAB>VALUE");
        }
        return new ProducedRecord(line.substring(0, tab), line.substring(tab + 1));
    }
}
