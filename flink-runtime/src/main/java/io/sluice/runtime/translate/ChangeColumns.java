package io.sluice.runtime.translate;

import io.sluice.core.model.ChangeSpec;
import io.sluice.core.model.ColumnSelection;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.cdc.ChangeLayout;
import io.sluice.runtime.plan.FlowPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * Where an AUTO CDC flow's keys, sequence, delete flag and kept columns are in its query's rows,
 * and the target's schema: the kept columns, then {@code __START_AT} and {@code __END_AT} for SCD
 * type 2 (the sequence's type, or a ROW of a struct sequence's fields). Every mistake is a problem
 * at the flow.
 */
record ChangeColumns(int[] keyFields, LogicalType[] keyTypes, ChangeLayout layout, RowType target,
    int[] sourceFields, RowType source, int truncateField) {
  /** DLT's table property for how long SCD type 1 keeps a deleted key's tombstone. */
  static final String TOMBSTONE_RETENTION = "pipelines.cdc.tombstoneGCThresholdInSeconds";
  static final Duration DEFAULT_RETENTION = Duration.ofDays(2);

  static Optional<ChangeColumns> of(ChangeSpec spec, RowType query, FlowPlan plan, List<Problem> problems) {
    int before = problems.size();
    List<String> names = query.getFieldNames();
    List<String> source = names.stream().filter(n -> !ChangeSpec.isHelperColumn(n)).toList();
    int[] keys = new int[spec.keys().size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = find(names, spec.keys().get(i));
      if (keys[i] < 0) {
        problems.add(problem(plan, "key column '" + spec.keys().get(i) + "' is not a column of the source",
            "Use columns of the source in KEYS: " + String.join(", ", source) + "."));
      }
    }
    unknown(spec.columns(), source, "COLUMNS", plan, problems);
    unknown(spec.trackHistory(), source, "TRACK HISTORY ON", plan, problems);
    int truncate = names.indexOf(ChangeSpec.TRUNCATE);
    if (truncate >= 0 && spec.scdType() != 1) {
      problems.add(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, plan.flow().location(),
          "Cannot apply the changes of flow '" + plan.name() + "': APPLY AS TRUNCATE WHEN applies to SCD type 1"
              + " only (as in Databricks)", "Leave the clause out, or store the target AS SCD TYPE 1."));
    } else if (truncate >= 0 && query.getTypeAt(truncate).getTypeRoot() != LogicalTypeRoot.BOOLEAN) {
      problems.add(problem(plan, "APPLY AS TRUNCATE WHEN is not a condition (its type is "
          + query.getTypeAt(truncate).asSummaryString() + ")", "Write a condition such as op = 'TRUNCATE'."));
    }
    int[] sequence = new int[spec.sequenceFields()];
    LogicalType[] sequenceTypes = new LogicalType[sequence.length];
    for (int i = 0; i < sequence.length; i++) {
      sequence[i] = names.indexOf(ChangeSpec.SEQUENCE_PREFIX + i);
      sequenceTypes[i] = query.getTypeAt(sequence[i]);
      if (!orderable(sequenceTypes[i])) {
        problems.add(problem(plan, "SEQUENCE BY has type " + sequenceTypes[i].asSummaryString()
            + ", which has no order", "Sequence by a number, a string, a date or a timestamp."));
      }
    }
    int delete = names.indexOf(ChangeSpec.DELETE);
    if (delete >= 0 && query.getTypeAt(delete).getTypeRoot() != LogicalTypeRoot.BOOLEAN) {
      problems.add(problem(plan, "APPLY AS DELETE WHEN is not a condition (its type is "
          + query.getTypeAt(delete).asSummaryString() + ")", "Write a condition such as op = 'DELETE'."));
    }
    List<Integer> values = new ArrayList<>();
    for (String column : source) {
      if (spec.columns().includes(column) || spec.keys().stream().anyMatch(column::equalsIgnoreCase)) {
        values.add(names.indexOf(column));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    int[] valueFields = values.stream().mapToInt(Integer::intValue).toArray();
    LogicalType[] valueTypes = values.stream().map(query::getTypeAt).toArray(LogicalType[]::new);
    boolean[] tracked = new boolean[valueFields.length];
    for (int i = 0; i < tracked.length; i++) {
      tracked[i] = spec.trackHistory().includes(names.get(valueFields[i]));
    }
    LogicalType[] keyTypes = java.util.Arrays.stream(keys).mapToObj(query::getTypeAt).toArray(LogicalType[]::new);
    ChangeLayout layout = new ChangeLayout(valueFields, valueTypes, sequence, sequenceTypes, delete,
        spec.ignoreNullUpdates(), spec.scdType(), tracked, retention(plan).toMillis());
    int[] sourceFields = source.stream().mapToInt(names::indexOf).toArray();
    RowType sourceType = new RowType(java.util.Arrays.stream(sourceFields)
        .mapToObj(f -> query.getFields().get(f)).toList());
    return Optional.of(new ChangeColumns(keys, keyTypes, layout, target(spec, query, valueFields, sequenceTypes),
        sourceFields, sourceType, truncate));
  }

  private static RowType target(ChangeSpec spec, RowType query, int[] valueFields, LogicalType[] sequenceTypes) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (int f : valueFields) {
      fields.add(query.getFields().get(f));
    }
    if (spec.scdType() == 2) {
      LogicalType at = sequenceTypes.length == 1 ? sequenceTypes[0].copy(true) : RowType.of(sequenceTypes).copy(true);
      fields.add(new RowType.RowField(ChangeSpec.START_AT, at));
      fields.add(new RowType.RowField(ChangeSpec.END_AT, at));
    }
    return new RowType(fields);
  }

  private static Duration retention(FlowPlan plan) {
    if (plan.target() instanceof StreamingTable t) {
      return t.spec().property(TOMBSTONE_RETENTION).map(s -> Duration.ofSeconds(Long.parseLong(s.trim())))
          .orElse(DEFAULT_RETENTION);
    }
    return DEFAULT_RETENTION;
  }

  private static boolean orderable(LogicalType type) {
    return type.is(LogicalTypeFamily.NUMERIC) || type.is(LogicalTypeFamily.CHARACTER_STRING)
        || type.is(LogicalTypeFamily.DATETIME);
  }

  private static int find(List<String> names, String column) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  private static void unknown(ColumnSelection selection, List<String> source, String clause, FlowPlan plan,
      List<Problem> problems) {
    for (String name : selection.names()) {
      if (source.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).equals(name))) {
        problems.add(problem(plan, clause + " names '" + name + "', which is not a column of the source",
            "Use columns of the source: " + String.join(", ", source) + "."));
      }
    }
  }

  private static Problem problem(FlowPlan plan, String why, String todo) {
    return Problem.error(ErrorCode.QUERY_INVALID, plan.flow().location(),
        "Cannot apply the changes of flow '" + plan.name() + "': " + why, todo);
  }
}
