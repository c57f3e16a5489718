package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsToTheWidestCellAndShowsNullAsDash() {
        Table table = new Table("NAME", "VERSION", "STATE")
                .row("clicks-etl", 2, "RUNNING")
                .row("x", null, "NOT_DEPLOYED");
        assertEquals(List.of(
                "NAME        VERSION  STATE",
                "clicks-etl  2        RUNNING",
                "x           -        NOT_DEPLOYED"), table.lines());
    }

    @Test
    void emptyTableIsItsHeader() {
        assertEquals(List.of("NAME  PARTITIONS"), new Table("NAME", "PARTITIONS").lines());
    }
}
