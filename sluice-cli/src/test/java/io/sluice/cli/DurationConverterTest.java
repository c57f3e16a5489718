package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsFlinkStyleDurations() {
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(10), converter.convert("10s"));
        assertEquals(Duration.ofSeconds(3), converter.convert("3 s"));
        assertEquals(Duration.ofMinutes(1), converter.convert("1min"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2 m"));
        assertEquals(Duration.ofHours(2), converter.convert("2h"));
        assertEquals(Duration.ZERO, converter.convert("0"));
    }

    @Test
    void bareNumberIsMillisecondsAsInFlink() {
        assertEquals(Duration.ofMillis(250), converter.convert("250"));
    }

    @Test
    void readsIsoDurations() {
        assertEquals(Duration.ofSeconds(90), converter.convert("PT1M30S"));
    }

    @Test
    void rejectsWhatIsNoDurationWithAnExample() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("ten"));
        assertEquals("'ten' is not a duration; write e.g. 500ms, 10s, 1min or 2h", e.getMessage());
        assertThrows(TypeConversionException.class, () -> converter.convert("10 parsecs"));
        assertThrows(TypeConversionException.class, () -> converter.convert("-5s"));
    }
}
