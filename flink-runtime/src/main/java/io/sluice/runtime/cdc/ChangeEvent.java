package io.sluice.runtime.cdc;

import org.apache.flink.table.data.GenericRowData;

/**
 * One change event for one key, in the values this package owns (see {@link Fields}).
 *
 * @param sequence the sequence values, ordered by {@link SequenceOrder}
 * @param delete whether the event applies as a delete (its values then do not matter)
 * @param values the target's value columns
 */
record ChangeEvent(GenericRowData sequence, boolean delete, GenericRowData values) {}
