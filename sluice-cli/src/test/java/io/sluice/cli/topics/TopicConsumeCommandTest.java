package io.sluice.cli.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.cli.CliRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicConsumeCommandTest {

    @Test
    void timeoutIsInSecondsWithDecimals() {
        TopicConsumeCommand withTimeout = CliRun.parse("topic", "consume", "t", "--timeout", "1.5");
        assertEquals(Duration.ofMillis(1_500), withTimeout.timeout());
        TopicConsumeCommand withoutTimeout = CliRun.parse("topic", "consume", "t");
        assertNull(withoutTimeout.timeout());
    }
}
