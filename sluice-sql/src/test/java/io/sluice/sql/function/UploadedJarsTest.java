package io.sluice.sql.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.junit.jupiter.api.Test;

import io.sluice.sql.SqlError;
import io.sluice.sql.SqlScriptException;
import io.sluice.sql.Statement;

class UploadedJarsTest {
    private static final Path STORED = Path.of("/data/jars/udfs.jar");
    private final UploadedJars jars = new UploadedJars(name -> name.equals("udfs") ? Optional.of(STORED) : Optional.empty());

    @Test
    void parsesEveryFormOfCreateFunction() {
        FunctionStatement temporary = FunctionStatement.parse(
                "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS `f` AS 'a.F' LANGUAGE JAVA USING JAR 'x', JAR 'y'").orElseThrow();
        assertEquals("f", temporary.name());
        assertEquals("a.F", temporary.className());
        assertEquals(FunctionStatement.Scope.TEMPORARY_SYSTEM, temporary.scope());
        assertEquals(List.of("x", "y"), temporary.jars().stream().map(FunctionStatement.JarReference::name).toList());
        assertEquals(FunctionStatement.Scope.CATALOG, FunctionStatement.parse("create function g as 'b.G'").orElseThrow().scope());
        assertTrue(FunctionStatement.parse("CREATE FUNCTION p AS 'm.f' LANGUAGE PYTHON").isEmpty());
        assertTrue(FunctionStatement.parse("CREATE TABLE t (a INT)").isEmpty());
    }

    @Test
    void replacesUploadedNamesByTheStoredFileAndShipsIt() {
        Statement statement = new Statement("CREATE FUNCTION f AS 'a.F' USING JAR 'udfs'", 1, 1);
        assertEquals("CREATE FUNCTION f AS 'a.F' USING JAR '" + STORED.toUri() + "'", jars.linked(statement));
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.JARS, List.of("file:/opt/other.jar"));
        jars.shipWithJob(List.of(statement), configuration);
        assertEquals(List.of("file:/opt/other.jar", STORED.toUri().toString()), configuration.get(PipelineOptions.JARS));
    }

    @Test
    void unknownJarIsAnErrorAtItsName() {
        Statement statement = new Statement("CREATE FUNCTION f AS 'a.F'\n  USING JAR 'udfs', JAR 'nope'", 4, 3);
        SqlScriptException e = assertThrows(SqlScriptException.class,
                () -> jars.shipWithJob(List.of(statement), new Configuration()));
        SqlError error = e.errors().get(0);
        assertEquals(5, error.line());
        assertEquals(26, error.column());
        assertTrue(error.message().contains("'nope'"), error.message());
    }
}
