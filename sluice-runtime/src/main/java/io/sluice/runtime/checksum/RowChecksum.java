package io.sluice.runtime.checksum;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * A 64-bit hash of a row's values (not of its change kind), computed from a canonical text of each
 * field. Floating-point values are rounded to {@value #DOUBLE_DIGITS} significant digits first, since
 * two plans may add the same numbers in a different order.
 */
public final class RowChecksum implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int DOUBLE_DIGITS = 10;
    private static final MathContext DOUBLE_PRECISION = new MathContext(DOUBLE_DIGITS);
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final List<LogicalType> fieldTypes;
    private final RowData.FieldGetter[] getters;

    public RowChecksum(RowType rowType) {
        this.fieldTypes = List.copyOf(rowType.getChildren());
        this.getters = getters(fieldTypes);
    }

    private static RowData.FieldGetter[] getters(List<LogicalType> types) {
        RowData.FieldGetter[] getters = new RowData.FieldGetter[types.size()];
        for (int i = 0; i < getters.length; i++) {
            getters[i] = RowData.createFieldGetter(types.get(i), i);
        }
        return getters;
    }

    /** The row's hash; equal values give equal hashes whatever the row kind. */
    public long of(RowData row) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < getters.length; i++) {
            hash = text(hash, canonical(getters[i].getFieldOrNull(row), fieldTypes.get(i)));
            hash = (hash ^ 0x1f) * FNV_PRIME; // field separator
        }
        return mix64(hash);
    }

    /** A text for an internal value that is the same for equal SQL values. */
    static String canonical(Object value, LogicalType type) {
        if (value == null) {
            return "\u0000null";
        }
        if (value instanceof Double number) {
            return rounded(number);
        }
        if (value instanceof Float number) {
            return rounded(number.doubleValue());
        }
        if (value instanceof RowData nested && type instanceof RowType rowType) {
            StringBuilder text = new StringBuilder("(");
            List<LogicalType> children = rowType.getChildren();
            for (int i = 0; i < children.size(); i++) {
                text.append(canonical(RowData.createFieldGetter(children.get(i), i).getFieldOrNull(nested),
                        children.get(i))).append('\u001f');
            }
            return text.append(')').toString();
        }
        if (value instanceof ArrayData array && type instanceof ArrayType arrayType) {
            StringBuilder text = new StringBuilder("[");
            ArrayData.ElementGetter element = ArrayData.createElementGetter(arrayType.getElementType());
            for (int i = 0; i < array.size(); i++) {
                text.append(canonical(element.getElementOrNull(array, i), arrayType.getElementType())).append('\u001f');
            }
            return text.append(']').toString();
        }
        return value.toString();
    }

    private static String rounded(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return Double.toString(number);
        }
        return new BigDecimal(number).round(DOUBLE_PRECISION).stripTrailingZeros().toString();
    }

    private static long text(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
