package io.sluice.core.model;

import java.util.List;
import java.util.Objects;

/**
 * How an AUTO CDC (APPLY CHANGES) flow applies its source's rows, which are change events, to its
 * target (SEMANTICS §3). The flow's query is {@code SELECT *, <sequence> AS __sluice_seq_0, ...,
 * (<delete condition>) AS __sluice_delete, (<truncate condition>) AS __sluice_truncate FROM
 * <source>}: Flink plans and checks every expression, and the runtime finds them by those names.
 *
 * @param keys the key columns, as written
 * @param sequenceFields how many {@code __sluice_seq_<i>} columns the query ends with (a struct's fields)
 * @param deleteWhen whether the query has {@code __sluice_delete}
 * @param truncateWhen whether the query has {@code __sluice_truncate}
 * @param columns which source columns the target keeps
 * @param scdType 1 (the latest row per key) or 2 (every version, with __START_AT and __END_AT)
 * @param trackHistory for type 2: the columns whose changes open a new version
 * @param fromSnapshot {@code AUTO CDC ... FROM SNAPSHOT}: the source's rows are full snapshots of
 *     the table, not change events; {@code __sluice_seq_0}, if there, is each row's snapshot
 *     version (a versioned series), else every update reads one snapshot versioned by its time
 */
public record ChangeSpec(
    List<String> keys,
    int sequenceFields,
    boolean ignoreNullUpdates,
    boolean deleteWhen,
    boolean truncateWhen,
    ColumnSelection columns,
    int scdType,
    ColumnSelection trackHistory,
    boolean fromSnapshot) {
  public static final String SEQUENCE_PREFIX = "__sluice_seq_";
  public static final String DELETE = "__sluice_delete";
  public static final String TRUNCATE = "__sluice_truncate";
  public static final String START_AT = "__START_AT";
  public static final String END_AT = "__END_AT";

  public ChangeSpec {
    keys = List.copyOf(keys);
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(trackHistory, "trackHistory");
    if (keys.isEmpty() || sequenceFields < (fromSnapshot ? 0 : 1) || (scdType != 1 && scdType != 2)) {
      throw new IllegalArgumentException("Cannot define changes with keys " + keys + ", "
          + sequenceFields + " sequence fields and SCD type " + scdType);
    }
  }

  /** Change events (not snapshots) as the source. */
  public ChangeSpec(List<String> keys, int sequenceFields, boolean ignoreNullUpdates, boolean deleteWhen,
      boolean truncateWhen, ColumnSelection columns, int scdType, ColumnSelection trackHistory) {
    this(keys, sequenceFields, ignoreNullUpdates, deleteWhen, truncateWhen, columns, scdType, trackHistory, false);
  }

  /** Whether a column of the query is one of the helper columns this spec added. */
  public static boolean isHelperColumn(String name) {
    return name.startsWith(SEQUENCE_PREFIX) || name.equals(DELETE) || name.equals(TRUNCATE);
  }
}
