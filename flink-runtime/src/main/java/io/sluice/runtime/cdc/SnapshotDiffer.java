package io.sluice.runtime.cdc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * AUTO CDC FROM SNAPSHOT: turns full snapshots of a table into the change events that lead from
 * one snapshot to the next, for {@link ChangeApplier}.
 *
 * <pre>
 * snapshot rows ──keyBy(keys)──────────────┐
 *                                          ├─▶ SnapshotDiffer ──(reinterpreted as keyed)──▶ ChangeApplier
 * their versions ──distinct──broadcast─────┘
 * </pre>
 *
 * <p>Input 1 is the snapshot rows (the source's columns, then the version if the source is a
 * versioned series), keyed by the flow's keys; input 2 the versions, broadcast so that every
 * subtask knows every version, including those in which it has no row (all its keys were
 * deleted). For a source read whole at each update there is one version, {@code fixedVersion},
 * the update's time. Output rows are the source's columns, then the version (the sequence) and
 * a delete flag.
 *
 * <p><b>When the snapshots are complete</b>: in a triggered update, before the barrier of the
 * first checkpoint the update's publish gate allows (every source has caught up, and this
 * checkpoint, or the stop-with-savepoint that ends the update, publishes), or when both inputs
 * end. Then every key with a row
 * in the last applied snapshot or in this update's is visited once and its versions are walked in
 * order: a key present with other values than before (in the compared columns) emits an upsert
 * at that version, a key absent from a version that had it before emits a delete at that
 * version, anything else nothing. So a snapshot equal to the previous one emits nothing.
 *
 * <p><b>State.</b> Keyed: {@value #LAST}, the key's row in the last applied snapshot; {@value
 * #PENDING}, its rows of this update by version. Operator (union): {@value #APPLIED}, the newest
 * version applied (rows of a version at or before it, from a snapshot delivered again, are
 * ignored), and {@value #VERSIONS}, the versions of this update seen so far. Checkpoints taken
 * during an update keep both, so a restore replays without loss or duplicates.
 *
 * <p>A key twice in one snapshot version has no defined row: the update fails and names it.
 * An empty version of a versioned series has no row to carry its version, so it cannot be seen;
 * an empty snapshot of a table read whole deletes every key.
 */
public final class SnapshotDiffer extends AbstractStreamOperator<RowData>
    implements TwoInputStreamOperator<RowData, RowData, RowData>, BoundedMultiInput {
  static final String LAST = "sluice-snapshot-last";
  static final String PENDING = "sluice-snapshot-pending";
  static final String APPLIED = "sluice-snapshot-applied-version";
  static final String VERSIONS = "sluice-snapshot-versions";
  private static final long serialVersionUID = 1L;

  private final LogicalType[] sourceTypes;
  private final int[] compared;
  private final int versionField;
  private final LogicalType versionType;
  private final Long fixedVersion;
  private final String flow;
  private final io.sluice.connectors.progress.PublishGate gate;

  private transient RowDataSerializer rows;
  private transient RowDataSerializer versionRows;
  private transient RowData.FieldGetter[] getters;
  private transient RowData.FieldGetter versionGetter;
  private transient RowData.FieldGetter storedVersion;
  private transient SequenceOrder order;
  private transient ValueState<RowData> last;
  private transient MapState<RowData, RowData> pending;
  private transient ListState<RowData> appliedState;
  private transient ListState<RowData> versionsState;
  private transient RowData applied;
  private transient TreeSet<RowData> versions;
  private transient int inputsEnded;
  private transient long ignoredRows;

  /**
   * @param sourceTypes the types of the source's columns, the first fields of input 1
   * @param compared the positions of the columns whose change is an update
   * @param versionField the position of the version in input 1, or -1 for {@code fixedVersion}
   * @param versionType the version's type (TIMESTAMP_LTZ(3) for a fixed version)
   * @param fixedVersion epoch milliseconds of the update, when the source has no version column
   * @param gate the triggered update's publish gate: the snapshots are complete (every source
   *     caught up) at the first checkpoint it allows; null: when the inputs end
   */
  public SnapshotDiffer(LogicalType[] sourceTypes, int[] compared, int versionField, LogicalType versionType,
      Long fixedVersion, String flow, io.sluice.connectors.progress.PublishGate gate) {
    this.sourceTypes = sourceTypes.clone();
    this.compared = compared.clone();
    this.versionField = versionField;
    this.versionType = Objects.requireNonNull(versionType, "versionType");
    if ((versionField < 0) == (fixedVersion == null)) {
      throw new IllegalArgumentException("Cannot diff snapshots: give a version field or a fixed version, not both");
    }
    this.fixedVersion = fixedVersion;
    this.flow = flow;
    this.gate = gate;
  }

  /** The rows this emits: the source's columns, the version, the delete flag. */
  public static RowType outputType(RowType source, LogicalType versionType) {
    List<RowType.RowField> fields = new ArrayList<>(source.getFields());
    fields.add(new RowType.RowField(io.sluice.core.model.ChangeSpec.SEQUENCE_PREFIX + 0, versionType.copy(false)));
    fields.add(new RowType.RowField(io.sluice.core.model.ChangeSpec.DELETE,
        new org.apache.flink.table.types.logical.BooleanType(false)));
    return new RowType(fields);
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    rows = new RowDataSerializer(ChangeEvents.nullable(sourceTypes));
    versionRows = new RowDataSerializer(versionType);
    order = new SequenceOrder(new LogicalType[] {versionType});
    last = context.getKeyedStateStore().getState(new ValueStateDescriptor<>(LAST, rows));
    pending = context.getKeyedStateStore().getMapState(new MapStateDescriptor<>(PENDING, versionRows, rows));
    appliedState = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>(APPLIED, InternalTypeInfo.of(RowType.of(versionType))));
    versionsState = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>(VERSIONS, InternalTypeInfo.of(RowType.of(versionType))));
    versions = new TreeSet<>(order);
    for (RowData version : appliedState.get()) {
      if (applied == null || order.compare(version, applied) > 0) {
        applied = binary(version);
      }
    }
    for (RowData version : versionsState.get()) {
      versions.add(binary(version));
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    getters = new RowData.FieldGetter[sourceTypes.length];
    for (int i = 0; i < getters.length; i++) {
      getters[i] = RowData.createFieldGetter(sourceTypes[i].copy(true), i);
    }
    versionGetter = versionField < 0 ? null : RowData.createFieldGetter(versionType.copy(true), versionField);
    storedVersion = RowData.createFieldGetter(versionType.copy(true), 0);
    if (fixedVersion != null) {
      versions.add(binary(GenericRowData.of(TimestampData.fromEpochMillis(fixedVersion))));
    }
  }

  @Override
  public void processElement1(StreamRecord<RowData> element) throws Exception {
    RowData row = element.getValue();
    RowData version = fixedVersion != null ? versions.first() : binary(GenericRowData.of(versionGetter.getFieldOrNull(row)));
    if (applied != null && order.compare(version, applied) <= 0) {
      ignoredRows++;
      return;
    }
    versions.add(version);
    if (pending.contains(version)) {
      throw new IllegalStateException("Cannot diff the snapshots of flow '" + flow + "': key " + getCurrentKey()
          + " appears twice in snapshot version " + text(version) + ". Make the KEYS unique in each snapshot.");
    }
    pending.put(version, rows.toBinaryRow(project(row)).copy());
  }

  @Override
  public void processElement2(StreamRecord<RowData> element) {
    RowData version = binary(element.getValue());
    if (applied == null || order.compare(version, applied) > 0) {
      versions.add(version);
    }
  }

  @Override
  public void endInput(int inputId) throws Exception {
    if (++inputsEnded == 2) {
      diff();
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    if (gate != null && !gate.isAlways() && !versions.isEmpty() && gate.allows(checkpointId)) {
      diff();
    }
  }

  /** Emits the changes of every version seen, in version order, and applies them to the state. */
  private void diff() throws Exception {
    if (ignoredRows > 0) {
      LOG.warn("Flow {}: ignored {} rows of snapshot versions at or before the applied version {}", flow,
          ignoredRows, text(applied));
    }
    if (versions.isEmpty()) {
      return;
    }
    KeyedStateBackend<RowData> backend = getKeyedStateBackend();
    Set<RowData> keys = new LinkedHashSet<>();
    try (Stream<RowData> lastKeys = backend.getKeys(LAST, VoidNamespace.INSTANCE);
        Stream<RowData> pendingKeys = backend.getKeys(PENDING, VoidNamespace.INSTANCE)) {
      lastKeys.forEach(keys::add);
      pendingKeys.forEach(keys::add);
    }
    for (RowData key : keys) {
      setCurrentKey(key);
      diffCurrentKey();
    }
    applied = versions.last();
    versions.clear();
  }

  private void diffCurrentKey() throws Exception {
    RowData current = last.value();
    for (RowData version : versions) {
      RowData row = pending.get(version);
      if (row != null) {
        if (current == null || !sameValues(row, current)) {
          emit(row, version, false);
        }
        current = row;
      } else if (current != null) {
        emit(current, version, true);
        current = null;
      }
    }
    if (current == null) {
      last.clear();
    } else {
      last.update(current);
    }
    pending.clear();
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    appliedState.update(applied == null ? List.of() : List.of(applied));
    versionsState.update(new ArrayList<>(versions));
  }

  private boolean sameValues(RowData a, RowData b) {
    for (int f : compared) {
      if (!Objects.equals(getters[f].getFieldOrNull(a), getters[f].getFieldOrNull(b))) {
        return false;
      }
    }
    return true;
  }

  private void emit(RowData row, RowData version, boolean delete) {
    GenericRowData out = new GenericRowData(sourceTypes.length + 2);
    for (int i = 0; i < sourceTypes.length; i++) {
      out.setField(i, getters[i].getFieldOrNull(row));
    }
    out.setField(sourceTypes.length, storedVersion.getFieldOrNull(version));
    out.setField(sourceTypes.length + 1, delete);
    output.collect(new StreamRecord<>(out));
  }

  private GenericRowData project(RowData row) {
    GenericRowData out = new GenericRowData(sourceTypes.length);
    for (int i = 0; i < sourceTypes.length; i++) {
      out.setField(i, getters[i].getFieldOrNull(row));
    }
    return out;
  }

  private RowData binary(RowData version) {
    return versionRows.toBinaryRow(version).copy();
  }

  private String text(RowData version) {
    return String.valueOf(storedVersion.getFieldOrNull(version));
  }
}
