package io.sluice.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptSplitterTest {
    private final ScriptSplitter splitter = new ScriptSplitter();

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE t (a STRING) WITH ('k' = 'v;w');
                /* block; comment */ INSERT INTO s
                  SELECT 'it''s;' FROM t;
                """;
        List<Statement> statements = splitter.split(script);
        assertEquals(2, statements.size());
        assertEquals("CREATE TABLE t (a STRING) WITH ('k' = 'v;w')", statements.get(0).text());
        assertEquals(2, statements.get(0).line());
        assertEquals(1, statements.get(0).column());
        assertEquals("INSERT INTO s\n  SELECT 'it''s;' FROM t", statements.get(1).text());
        assertEquals(3, statements.get(1).line());
        assertEquals(22, statements.get(1).column());
        assertEquals(Statement.Kind.INSERT, statements.get(1).kind());
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        List<Statement> statements = splitter.split("SET 'a' = 'b';\n\nINSERT INTO x SELECT 1");
        assertEquals(List.of(Statement.Kind.SET, Statement.Kind.INSERT),
                statements.stream().map(Statement::kind).toList());
        assertEquals(3, statements.get(1).line());
    }

    @Test
    void mapsStatementPositionsToScriptPositions() {
        Statement statement = new Statement("SELECT\n  x FROM t", 5, 3);
        assertEquals(new SqlError(5, 9, "m"), statement.errorAt(1, 7, "m"));
        assertEquals(new SqlError(6, 3, "m"), statement.errorAt(2, 3, "m"));
        assertEquals(new SqlError(6, 3, "m"), statement.errorAtOffset(9, "m"));
    }
}
