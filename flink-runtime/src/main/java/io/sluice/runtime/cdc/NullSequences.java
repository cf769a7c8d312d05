package io.sluice.runtime.cdc;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Takes the change events whose sequence is NULL out before they are applied: they cannot be
 * ordered, so they go to the target's quarantine table, shaped like the expectations' quarantine
 * rows (the source's columns, {@code _failed_expectations} = {@code ['null_sequence']}, {@code
 * _update_id}, {@code _flow}, {@code _quarantined_at}).
 */
public final class NullSequences extends ProcessFunction<RowData, RowData> {
  public static final String REASON = "null_sequence";
  private final int[] sequenceFields;
  private final int[] sourceFields;
  private final LogicalType[] sourceTypes;
  private final String updateId;
  private final String flow;
  private final OutputTag<RowData> rejected;
  private transient RowData.FieldGetter[] getters;
  private transient org.apache.flink.api.common.typeutils.TypeSerializer<Object>[] copiers;

  /** The events with a sequence, and the quarantine rows of those without. */
  public record Split(DataStream<RowData> events, DataStream<RowData> rejected) {}

  private NullSequences(int[] sequenceFields, int[] sourceFields, LogicalType[] sourceTypes, String updateId,
      String flow, OutputTag<RowData> rejected) {
    this.sequenceFields = sequenceFields.clone();
    this.sourceFields = sourceFields.clone();
    this.sourceTypes = sourceTypes.clone();
    this.updateId = updateId;
    this.flow = flow;
    this.rejected = rejected;
  }

  /**
   * @param sourceFields positions of the source's columns in the events, in the quarantine row's order
   * @param quarantineType the quarantine table's row type
   */
  public static Split split(DataStream<RowData> events, int[] sequenceFields, int[] sourceFields,
      LogicalType[] sourceTypes, RowType quarantineType, String updateId, String flow, String uid) {
    OutputTag<RowData> tag = new OutputTag<>(REASON, InternalTypeInfo.of(quarantineType));
    SingleOutputStreamOperator<RowData> kept = events
        .process(new NullSequences(sequenceFields, sourceFields, sourceTypes, updateId, flow, tag), events.getType())
        .uid(uid)
        .name("null sequences");
    return new Split(kept, kept.getSideOutput(tag));
  }

  @Override
  public void processElement(RowData row, Context ctx, Collector<RowData> out) {
    for (int f : sequenceFields) {
      if (row.isNullAt(f)) {
        ctx.output(rejected, quarantineRow(row, ctx.timerService().currentProcessingTime()));
        return;
      }
    }
    out.collect(row);
  }

  @SuppressWarnings("unchecked")
  private RowData quarantineRow(RowData row, long now) {
    if (getters == null) {
      getters = new RowData.FieldGetter[sourceFields.length];
      copiers = new org.apache.flink.api.common.typeutils.TypeSerializer[sourceFields.length];
      for (int i = 0; i < getters.length; i++) {
        getters[i] = RowData.createFieldGetter(sourceTypes[i], sourceFields[i]);
        copiers[i] = (org.apache.flink.api.common.typeutils.TypeSerializer<Object>)
            org.apache.flink.table.runtime.typeutils.InternalSerializers.create(sourceTypes[i]);
      }
    }
    GenericRowData out = new GenericRowData(sourceFields.length + 4);
    for (int i = 0; i < getters.length; i++) {
      Object value = getters[i].getFieldOrNull(row);
      out.setField(i, value == null ? null : copiers[i].copy(value)); // the input row is reused
    }
    out.setField(getters.length, new GenericArrayData(new Object[] {StringData.fromString(REASON)}));
    out.setField(getters.length + 1, StringData.fromString(updateId));
    out.setField(getters.length + 2, StringData.fromString(flow));
    out.setField(getters.length + 3, TimestampData.fromEpochMillis(now));
    return out;
  }
}
