package io.sluice.runtime.function;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Chained right before an operator that calls reused functions: announces each row
 * ({@link RowGeneration#advance()}) and passes it on unchanged, so calls reused within the row are
 * evaluated again for the next one even when its arguments are equal.
 */
public final class NewRowMarker<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<T> element) {
        RowGeneration.advance();
        output.collect(element);
    }
}
