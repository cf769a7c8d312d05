package io.sluice.runtime.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.contrib.streaming.state.RocksDBKeyedStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Harnesses for the change applier over change events (id INT, name STRING, amount BIGINT,
 * seq BIGINT, del BOOLEAN, minor INT), keyed by id, into a target (id, name, amount), and what
 * they emitted.
 */
final class Cdc {
  static final LogicalType[] INPUT = {new IntType(), VarCharType.STRING_TYPE, new BigIntType(), new BigIntType(),
      new BooleanType(), new IntType()};
  static final int[] VALUES = {0, 1, 2};
  static final LogicalType[] VALUE_TYPES = {INPUT[0], INPUT[1], INPUT[2]};
  static final long RETENTION = 1_000;

  enum Backend { HEAP, ROCKSDB }

  /** Input rows go through one reused binary row, as with object reuse in a job. */
  private static final RowDataSerializer REUSING = new RowDataSerializer(INPUT);

  private Cdc() {}

  static ChangeLayout scd1(boolean ignoreNullUpdates) {
    return scd1(ignoreNullUpdates, RETENTION);
  }

  static ChangeLayout scd1(boolean ignoreNullUpdates, long retention) {
    return new ChangeLayout(VALUES, VALUE_TYPES, new int[] {3}, new LogicalType[] {INPUT[3]}, 4, ignoreNullUpdates,
        1, null, retention);
  }

  static ChangeLayout scd2(boolean ignoreNullUpdates, boolean[] tracked) {
    return new ChangeLayout(VALUES, VALUE_TYPES, new int[] {3}, new LogicalType[] {INPUT[3]}, 4, ignoreNullUpdates,
        2, tracked, 0);
  }

  /** SCD type 2 sequenced by (seq, minor). */
  static ChangeLayout scd2ByTwoFields() {
    return new ChangeLayout(VALUES, VALUE_TYPES, new int[] {3, 5}, new LogicalType[] {INPUT[3], INPUT[5]}, 4, false,
        2, null, 0);
  }

  static GenericRowData upsert(int id, String name, Long amount, long seq) {
    return GenericRowData.of(id, name == null ? null : StringData.fromString(name), amount, seq, false, 0);
  }

  static GenericRowData upsert(int id, String name, Long amount, long seq, int minor) {
    return GenericRowData.of(id, StringData.fromString(name), amount, seq, null, minor);
  }

  static GenericRowData delete(int id, long seq) {
    return GenericRowData.of(id, null, null, seq, true, 0);
  }

  static KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> open(ChangeLayout layout)
      throws Exception {
    return restore(layout, null, Backend.HEAP);
  }

  /** Opened from {@code state} (null: empty). */
  static KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> restore(ChangeLayout layout,
      OperatorSubtaskState state, Backend backend) throws Exception {
    var h = create(layout, null, backend);
    h.getExecutionConfig().disableGenericTypes(); // state that needed Kryo would fail
    if (state == null) {
      h.initializeEmptyState();
    } else {
      h.initializeState(state);
    }
    h.open();
    if ((h.getOperator().getKeyedStateBackend() instanceof RocksDBKeyedStateBackend) != (backend == Backend.ROCKSDB)) {
      throw new IllegalStateException("The harness does not run on " + backend);
    }
    return h;
  }

  /** Set up, not initialized; in {@code environment} (null: its own). */
  static KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> create(ChangeLayout layout,
      MockEnvironment environment, Backend backend) throws Exception {
    var operator = new KeyedProcessOperator<>(new ChangeApplier(layout));
    var keys = ChangeKeys.keySelector(new int[] {0}, new LogicalType[] {INPUT[0]});
    var keyType = ChangeKeys.keyType(new LogicalType[] {INPUT[0]});
    var h = environment == null ? new KeyedOneInputStreamOperatorTestHarness<>(operator, keys, keyType)
        : new KeyedOneInputStreamOperatorTestHarness<>(operator, keys, keyType, environment);
    h.setStateBackend(backend == Backend.HEAP ? new HashMapStateBackend() : new EmbeddedRocksDBStateBackend());
    h.setup(new AsEmitted(layout.targetTypes())); // after the backend: setup creates the state
    return h;
  }

  static void send(KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> h, RowData... events)
      throws Exception {
    for (RowData e : events) {
      h.processElement(new StreamRecord<>(REUSING.toBinaryRow(e)));
    }
  }

  /** What was emitted since the last call, as "+I(1,a,10)". */
  static List<String> drain(KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> h,
      ChangeLayout layout) {
    List<String> out = new ArrayList<>();
    for (RowData row : rows(h)) {
      out.add(row.getRowKind().shortString() + text(row, layout.targetTypes()));
    }
    h.getOutput().clear();
    return out;
  }

  static List<RowData> rows(KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> h) {
    List<RowData> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof StreamRecord<?> r) {
        out.add((RowData) r.getValue());
      }
    }
    return out;
  }

  /** A row's values as "(1,a,10)"; a nested row as "[1,0]". */
  static String text(RowData row, LogicalType[] types) {
    StringJoiner s = new StringJoiner(",", "(", ")");
    for (int i = 0; i < types.length; i++) {
      Object v = RowData.createFieldGetter(types[i].copy(true), i).getFieldOrNull(row);
      if (v instanceof RowData nested) {
        LogicalType[] inner = ((RowType) types[i]).getChildren().toArray(LogicalType[]::new);
        v = text(nested, inner).replace('(', '[').replace(')', ']');
      }
      s.add(String.valueOf(v));
    }
    return s.toString();
  }

  /**
   * Keeps the rows emitted as they are, as a chained operator receives them with object reuse, so
   * that a row sharing values with a reused input would show its corruption in the output.
   */
  static final class AsEmitted extends RowDataSerializer {
    AsEmitted(LogicalType[] types) {
      super(types);
    }

    @Override
    public RowData copy(RowData from) {
      return from;
    }
  }

  static long accumulator(KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> h, String name) {
    Accumulator<?, ?> a = h.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
    return a == null ? 0 : (Long) a.getLocalValue();
  }

  /**
   * A two-input operator keyed by the first field (INT) of its first input, its second input not
   * keyed (broadcast), opened from {@code state} (null: empty) on {@code backend}; emitted rows of
   * {@code outputTypes} are kept as emitted.
   */
  static org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData>
      openTwoInput(org.apache.flink.streaming.api.operators.TwoInputStreamOperator<RowData, RowData, RowData> operator,
          LogicalType keyType, LogicalType[] outputTypes, OperatorSubtaskState state, Backend backend) throws Exception {
    LogicalType[] keyTypes = {keyType};
    var h = new org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness<>(operator,
        ChangeKeys.keySelector(new int[] {0}, keyTypes), null, ChangeKeys.keyType(keyTypes));
    h.setStateBackend(backend == Backend.HEAP ? new HashMapStateBackend() : new EmbeddedRocksDBStateBackend());
    h.setup(new AsEmitted(outputTypes));
    if (state == null) {
      h.initializeEmptyState();
    } else {
      h.initializeState(state);
    }
    h.open();
    return h;
  }
}
