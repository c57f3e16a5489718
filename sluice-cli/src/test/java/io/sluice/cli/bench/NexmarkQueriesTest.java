package io.sluice.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.CliException;
import io.sluice.sql.ScriptSplitter;
import io.sluice.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkQueriesTest {

    @Test
    void selectionIsAllOrAListWithoutDuplicates() {
        assertEquals(NexmarkQueries.ALL, NexmarkQueries.parse("all"));
        assertEquals(List.of("q0", "q5"), NexmarkQueries.parse("q0, Q5,q0"));
    }

    @Test
    void skippedAndUnknownQueriesAreRefusedWithTheReason() {
        CliException skipped = assertThrows(CliException.class, () -> NexmarkQueries.parse("q0,q6"));
        assertTrue(skipped.getMessage().contains("OVER window"), skipped.getMessage());
        CliException unknown = assertThrows(CliException.class, () -> NexmarkQueries.parse("q23"));
        assertTrue(unknown.getMessage().contains("unknown query 'q23'"), unknown.getMessage());
    }

    @Test
    void everyQueryIsOneCommentedSinkAndOneInsertIntoTheChecksumSink() {
        for (String query : NexmarkQueries.ALL) {
            List<Statement> statements = new ScriptSplitter().split(NexmarkQueries.query(query));
            assertEquals(List.of(Statement.Kind.DDL, Statement.Kind.INSERT),
                    statements.stream().map(Statement::kind).toList(), query);
            assertTrue(statements.get(0).text().contains("'connector' = 'checksum'"), query);
            assertTrue(NexmarkQueries.description(query).startsWith(query + " "), query);
        }
    }
}
