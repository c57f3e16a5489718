package io.sluice.cli.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TopicConsumerTest {
    private final List<TopicRead> reads = new ArrayList<>();
    private final Deque<TopicRecords> answers = new ArrayDeque<>();
    private final List<String> printed = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void stopsAtMaxAskingOnlyForWhatIsLeftAndContinuingAtThePositionsOfTheLastAnswer() {
        answers.add(page(0, 3, Map.of(0, 3L, 1, 0L)));
        answers.add(page(3, 5, Map.of(0, 8L, 1, 0L)));
        long written = consumer().consume(true, false, 5L, null, this::print);
        assertEquals(5, written);
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4"), printed);
        assertEquals(2, reads.size());
        assertEquals(new TopicRead(true, Map.of(), 5, TopicConsumer.POLL_MS, false), reads.get(0));
        assertEquals(new TopicRead(true, Map.of(0, 3L, 1, 0L), 2, TopicConsumer.POLL_MS, false), reads.get(1));
    }

    @Test
    void keepsThePreviousPositionsWhenAnAnswerHasNone() {
        answers.add(page(0, 1, Map.of(0, 1L)));
        answers.add(page(1, 1, Map.of()));
        answers.add(page(1, 2, Map.of(0, 2L)));
        consumer().consume(false, true, 2L, null, this::print);
        assertEquals(Map.of(0, 1L), reads.get(2).positions());
        assertEquals(true, reads.get(2).readUncommitted());
    }

    @Test
    void timeoutIsATotalDeadlineSharedByTheReads() {
        for (int i = 0; i < 10; i++) {
            answers.add(page(0, 0, Map.of()));
        }
        long written = consumer(1_000).consume(false, false, null, Duration.ofMillis(2_500), this::print);
        assertEquals(0, written);
        assertEquals(List.of(2_500L, 1_500L, 500L), reads.stream().map(TopicRead::timeoutMs).toList());
    }

    @Test
    void followsUntilTheOutputCloses() {
        answers.add(page(0, 3, Map.of(0, 3L)));
        answers.add(page(3, 6, Map.of(0, 6L)));
        long written = consumer().consume(false, false, null, null, record -> {
            print(record);
            return printed.size() < 4;
        });
        assertEquals(3, written);
        assertEquals(4, printed.size());
    }

    @Test
    void recordLinesAreTheValueOrKeyTabValue() {
        ConsumedRecord record = new ConsumedRecord(0, 7, "{\"user_name\":\"bob\"}", "{\"views\":2}", 1L);
        assertEquals("{\"views\":2}", record.line(false));
        assertEquals("{\"user_name\":\"bob\"}\t{\"views\":2}", record.line(true));
        assertEquals("null\tnull", new ConsumedRecord(0, 8, null, null, 1L).line(true));
    }

    @Test
    void readParametersBecomeTheQueryOfTheContract() {
        TopicRead read = new TopicRead(true, Map.of(1, 7L, 0, 15L), 100, 2000, false);
        assertEquals("/api/topics/t/records?from=beginning&positions=0%3A15%2C1%3A7&max=100&timeoutMs=2000"
                + "&isolation=read_committed", read.applyTo(io.sluice.cli.client.ApiPath.of("topics", "t", "records")).toString());
        assertEquals("0:15,1:7", read.encodedPositions());
    }

    private TopicConsumer consumer() {
        return consumer(0);
    }

    /** A consumer whose reads each take {@code millisPerRead} of fake time. */
    private TopicConsumer consumer(long millisPerRead) {
        return new TopicConsumer(read -> {
            reads.add(read);
            clock.addAndGet(millisPerRead * 1_000_000);
            return answers.removeFirst();
        }, clock::get);
    }

    private boolean print(ConsumedRecord record) {
        printed.add(record.value());
        return true;
    }

    private static TopicRecords page(int fromOffset, int toOffset, Map<Integer, Long> positions) {
        return new TopicRecords(LongStream.range(fromOffset, toOffset)
                .mapToObj(offset -> new ConsumedRecord(0, offset, null, "v" + offset, 0L)).toList(), positions);
    }
}
