package io.sluice.sql.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA]
 * [USING JAR '...' [, JAR '...']]} statement, as far as Sluice needs it: the function's name and
 * class, whether it is temporary, and where in the text each jar is named.
 *
 * @param name the function's name as written (without backticks)
 * @param className the implementing class
 * @param scope catalog, temporary or temporary system function
 * @param jars the jars named after USING, in order
 */
public record FunctionStatement(String name, String className, Scope scope, List<JarReference> jars) {
    private static final Pattern CREATE = Pattern.compile("(?is)\\s*CREATE\\s+(TEMPORARY\\s+(SYSTEM\\s+)?)?FUNCTION\\s+"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?([`\\w.]+)\\s+AS\\s+'([^']+)'(\\s+LANGUAGE\\s+(\\w+))?(\\s+USING\\s+.*)?");
    private static final Pattern JAR = Pattern.compile("(?i)JAR\\s+'([^']*)'");

    public FunctionStatement {
        jars = List.copyOf(jars);
    }

    /** The statement's parts, or empty for any other statement (or a function in another language). */
    public static Optional<FunctionStatement> parse(String text) {
        Matcher create = CREATE.matcher(text);
        if (!create.matches() || create.group(7) != null && !create.group(7).equalsIgnoreCase("JAVA")) {
            return Optional.empty();
        }
        Scope scope = create.group(1) == null ? Scope.CATALOG : create.group(2) == null ? Scope.TEMPORARY : Scope.TEMPORARY_SYSTEM;
        List<JarReference> jars = new ArrayList<>();
        if (create.group(8) != null) {
            Matcher jar = JAR.matcher(text);
            jar.region(create.start(8), create.end(8));
            while (jar.find()) {
                jars.add(new JarReference(jar.group(1), jar.start(1), jar.end(1)));
            }
        }
        return Optional.of(new FunctionStatement(create.group(4).replace("`", ""), create.group(5), scope, jars));
    }

    /** Where functions live: in the catalog, or in this script only. */
    public enum Scope {
        CATALOG,
        TEMPORARY,
        TEMPORARY_SYSTEM
    }

    /**
     * A jar named in the statement.
     *
     * @param name the name as written between the quotes
     * @param start offset of the name's first character in the statement
     * @param end offset after its last character
     */
    public record JarReference(String name, int start, int end) {
    }
}
