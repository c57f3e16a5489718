package io.sluice.sql.preview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One change a query emitted: {@code +I}, {@code -U}, {@code +U} or {@code -D}, and the row's values. */
public record ChangelogRow(String kind, List<Object> values) {
    public ChangelogRow {
        values = Collections.unmodifiableList(new ArrayList<>(values)); // values may be null
    }

    public boolean adds() {
        return kind.startsWith("+");
    }
}
