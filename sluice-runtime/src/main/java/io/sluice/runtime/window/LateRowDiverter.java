package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs right before a tumbling window aggregate with allowed lateness, chained to it so it sees the
 * same watermark, and takes out the rows the aggregate would drop silently: those whose window
 * closed, i.e. window end - 1 + allowed lateness &lt;= the watermark (the aggregate's own test).
 * They are counted in {@code sluiceLateRows} and sent, as JSON, to a side output.
 */
public final class LateRowDiverter extends AbstractStreamOperator<RowData> implements OneInputStreamOperator<RowData, RowData> {
    public static final String METRIC = "sluiceLateRows";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LateRowDiverter.class);

    private final int rowtimeField;
    private final int rowtimePrecision;
    private final long windowSize;
    private final long allowedLateness;
    private final OutputTag<String> lateRows;
    private final LateRowJson json;
    private transient long watermark;
    private transient Counter diverted;

    /**
     * @param rowtimeField the position of the aggregate's time attribute in its input rows
     * @param windowSize the tumbling window's length, milliseconds (offset zero, epoch-aligned)
     * @param allowedLateness the aggregate's allowed lateness, milliseconds
     * @param lateRows where diverted rows go, as JSON
     */
    public LateRowDiverter(int rowtimeField, int rowtimePrecision, long windowSize, long allowedLateness,
            OutputTag<String> lateRows, LateRowJson json) {
        this.rowtimeField = rowtimeField;
        this.rowtimePrecision = rowtimePrecision;
        this.windowSize = windowSize;
        this.allowedLateness = allowedLateness;
        this.lateRows = requireNonNull(lateRows, "lateRows is null");
        this.json = requireNonNull(json, "json is null");
    }

    @Override
    public void open() throws Exception {
        super.open();
        watermark = Long.MIN_VALUE;
        diverted = getMetricGroup().counter(METRIC);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        RowData row = element.getValue();
        if (row.isNullAt(rowtimeField) || !closed(row.getTimestamp(rowtimeField, rowtimePrecision).getMillisecond())) {
            output.collect(element);
            return;
        }
        diverted.inc();
        String text = json.format(row);
        if (diverted.getCount() == 1 || diverted.getCount() % 1000 == 0) {
            LOG.warn("{} rows arrived after their window closed (allowed lateness {} ms, watermark {}), e.g. {}",
                    diverted.getCount(), allowedLateness, watermark, text);
        }
        output.collect(lateRows, new StreamRecord<>(text, element.getTimestamp()));
    }

    /** Whether the window of a row with this time is past its end plus the allowed lateness. */
    boolean closed(long time) {
        long start = time - Math.floorMod(time, windowSize);
        long maxTimestamp = start + windowSize - 1;
        long cleanup = maxTimestamp + allowedLateness < maxTimestamp ? Long.MAX_VALUE : maxTimestamp + allowedLateness;
        return cleanup <= watermark;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = Math.max(watermark, mark.getTimestamp());
        super.processWatermark(mark);
    }
}
