package io.sluice.sql.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.junit.jupiter.api.Test;

class PlannedJobTest {

    @Test
    void insertsATransformationBetweenAProducerAndEveryConsumer() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        DataStream<Long> doubled = env.fromSequence(1, 10).map(n -> n * 2).returns(Types.LONG);
        doubled.sinkTo(new DiscardingSink<>());
        doubled.union(doubled.map(n -> n + 1).returns(Types.LONG)).sinkTo(new DiscardingSink<>());
        PlannedJob job = new PlannedJob(new ArrayList<>(env.getTransformations()), new Configuration());
        Transformation<?> producer = doubled.getTransformation();
        List<Transformation<?>> consumersBefore = job.consumersOf(producer);
        assertEquals(3, consumersBefore.size(), "a sink, a union and a map read it");

        Transformation<Long> inserted = job.insertAfter(producer, input -> new OneInputTransformation<>(
                castLong(input), "Negate", new StreamMap<>(n -> -n), Types.LONG, input.getParallelism()));

        assertEquals(List.of(inserted), job.consumersOf(producer));
        assertEquals(consumersBefore, job.consumersOf(inserted));
        assertSame(producer, inserted.getInputs().get(0));
        assertEquals(1, env.getStreamGraph().getStreamNodes().stream().filter(node -> node.getOperatorName().equals("Negate")).count());
    }

    @SuppressWarnings("unchecked")
    private static Transformation<Long> castLong(Transformation<?> transformation) {
        return (Transformation<Long>) transformation;
    }
}
