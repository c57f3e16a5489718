package io.sluice.runtime.generator;

import java.io.Serializable;

/** Computes generated event {@code index} from the index alone, so any subtask can produce it. */
public interface EventGenerator<E> extends Serializable {

    E event(long index);
}
