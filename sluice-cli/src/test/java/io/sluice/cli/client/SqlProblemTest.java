package io.sluice.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlProblemTest {

    @Test
    void formatsAsFileLineColumnMessage() {
        assertEquals("jobs/etl.sql:3:7: Column 'x' not found", new SqlProblem(3, 7, "Column 'x' not found").format("jobs/etl.sql"));
    }

    @Test
    void leavesOutWhatTheServerDoesNotKnow() {
        assertEquals("etl.sql:3: m", new SqlProblem(3, null, "m").format("etl.sql"));
        assertEquals("etl.sql: m", new SqlProblem(null, null, "m").format("etl.sql"));
        assertEquals("etl.sql: m", new SqlProblem(0, 0, "m").format("etl.sql"));
    }
}
