package io.sluice.runtime.retraction;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.utils.ProjectedRowData;
import org.apache.flink.table.runtime.keyselector.RowDataKeySelector;

/**
 * The join key of a row a regular join emitted (left fields, then right fields), computed with the
 * join's own key selectors, so an operator keyed by it sits in the same key group as the join and can
 * be chained to it without a shuffle. A row whose left part is all NULL (a right row padded with NULLs
 * by a RIGHT or FULL join) takes its key from the right part.
 */
public final class JoinOutputKeySelector implements KeySelector<RowData, RowData>, ResultTypeQueryable<RowData> {
    private static final long serialVersionUID = 1L;

    private final RowDataKeySelector leftKey;
    private final RowDataKeySelector rightKey;
    private final int leftArity;
    private final int rightArity;
    private transient ProjectedRowData leftPart;
    private transient ProjectedRowData rightPart;

    public JoinOutputKeySelector(RowDataKeySelector leftKey, RowDataKeySelector rightKey, int leftArity, int rightArity) {
        this.leftKey = requireNonNull(leftKey, "leftKey is null");
        this.rightKey = requireNonNull(rightKey, "rightKey is null");
        this.leftArity = leftArity;
        this.rightArity = rightArity;
    }

    @Override
    public RowData getKey(RowData joined) throws Exception {
        if (leftPart == null) {
            leftPart = ProjectedRowData.from(range(0, leftArity));
            rightPart = ProjectedRowData.from(range(leftArity, leftArity + rightArity));
        }
        if (JoinOutputRows.allNull(joined, 0, leftArity)) {
            return rightKey.getKey(rightPart.replaceRow(joined));
        }
        return leftKey.getKey(leftPart.replaceRow(joined));
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return leftKey.getProducedType();
    }

    private static int[] range(int from, int to) {
        int[] indexes = new int[to - from];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = from + i;
        }
        return indexes;
    }
}
