package io.sluice.cli.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cli.CliException;
import io.sluice.cli.client.ApiException;
import io.sluice.cli.client.SqlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptTest {
    @TempDir
    Path directory;

    @Test
    void baseNameDropsDirectoryAndSqlExtension() {
        assertEquals("clicks-etl", SqlScript.baseName(Path.of("jobs/clicks-etl.sql")));
        assertEquals("clicks-etl", SqlScript.baseName(Path.of("clicks-etl.SQL")));
        assertEquals("script", SqlScript.baseName(Path.of("script")));
    }

    @Test
    void readsTheFileUnderTheNameTheUserGave() throws IOException {
        Path file = directory.resolve("etl.sql");
        Files.writeString(file, "SELECT 'ü';");
        assertEquals(new SqlScript(file.toString(), "SELECT 'ü';"), SqlScript.read(file));
    }

    @Test
    void unreadableFileIsNamed() {
        CliException e = assertThrows(CliException.class, () -> SqlScript.read(directory));
        assertEquals(directory + ": cannot read: Is a directory", e.getMessage());
    }

    @Test
    void serverSqlErrorsBecomeErrorsInThisScript() {
        SqlScript script = new SqlScript("etl.sql", "x");
        InvalidSqlException e = assertThrows(InvalidSqlException.class, () -> script.send(() -> {
            throw new ApiException(400, "invalid", List.of(new SqlProblem(1, 2, "bad")));
        }));
        assertEquals(List.of("etl.sql:1:2: bad"), e.lines());
    }

    @Test
    void otherServerErrorsPassUnchanged() {
        ApiException conflict = new ApiException(409, "exists", List.of());
        assertSame(conflict, assertThrows(ApiException.class,
                () -> new SqlScript("etl.sql", "x").send(() -> { throw conflict; })));
    }

    @Test
    void positionedWarningPointsIntoTheScript() {
        ObjectNode warning = JsonNodeFactory.instance.objectNode().put("line", 4).put("column", 2).put("message", "slow");
        assertEquals("etl.sql:4:2: warning: slow", ValidateCommand.warningLine("etl.sql", warning));
        assertEquals("etl.sql: warning: slow", ValidateCommand.warningLine("etl.sql", JsonNodeFactory.instance.textNode("slow")));
    }
}
