package io.sluice.runtime.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.apache.flink.table.types.utils.TypeConversions;

/**
 * Time attributes (rowtime and proctime columns) of planned tables. A table handed to a DataStream
 * or written to a table carries none: its time attributes become plain timestamps of the same
 * precision ("materialized"). A table that is not changed keeps its identity, so the plans of flows
 * without event time stay exactly as they were.
 */
final class TimeAttributes {
  private static final AtomicInteger VIEWS = new AtomicInteger();

  private TimeAttributes() {}

  /** The table without time attributes: the same table when it has none. */
  static Table materialize(StreamTableEnvironment tEnv, Table table) {
    return materializeExcept(tEnv, table, Optional.empty());
  }

  /**
   * The table with at most one time attribute: its rowtime column when it has exactly one (a table
   * built from a DataStream can declare a single one), none otherwise.
   */
  static Table keepSingleRowtime(StreamTableEnvironment tEnv, Table table) {
    return materializeExcept(tEnv, table, singleRowtime(table));
  }

  /** The name of the table's rowtime column, when it has exactly one time attribute and it is a rowtime. */
  static Optional<String> singleRowtime(Table table) {
    List<Column> times = timeColumns(table);
    return times.size() == 1 && LogicalTypeChecks.isRowtimeAttribute(times.get(0).getDataType().getLogicalType())
        ? Optional.of(times.get(0).getName()) : Optional.empty();
  }

  /** The row type with time attributes as plain timestamps (what a DataStream of the rows carries). */
  static RowType plain(RowType type) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (RowType.RowField f : type.getFields()) {
      fields.add(new RowType.RowField(f.getName(), plain(f.getType()), f.getDescription().orElse(null)));
    }
    return new RowType(type.isNullable(), fields);
  }

  /**
   * How a DataStream of {@code type}'s rows becomes a table whose {@code rowtime} column is a
   * rowtime attribute with the stream's own watermarks.
   */
  static Schema withRowtime(RowType type, String rowtime) {
    return Schema.newBuilder()
        .fromRowDataType(TypeConversions.fromLogicalToDataType(plain(type)))
        .watermark(rowtime, "SOURCE_WATERMARK()")
        .build();
  }

  private static LogicalType plain(LogicalType t) {
    if (!LogicalTypeChecks.isTimeAttribute(t)) {
      return t;
    }
    return t.is(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
        ? new LocalZonedTimestampType(t.isNullable(), LogicalTypeChecks.getPrecision(t))
        : new TimestampType(t.isNullable(), LogicalTypeChecks.getPrecision(t));
  }

  private static List<Column> timeColumns(Table table) {
    return table.getResolvedSchema().getColumns().stream()
        .filter(c -> c.isPhysical() && LogicalTypeChecks.isTimeAttribute(c.getDataType().getLogicalType()))
        .toList();
  }

  private static Table materializeExcept(StreamTableEnvironment tEnv, Table table, Optional<String> keep) {
    List<Column> times = timeColumns(table);
    if (times.isEmpty() || (times.size() == 1 && keep.isPresent())) {
      return table;
    }
    String view = "__sluice_times_" + VIEWS.incrementAndGet();
    tEnv.createTemporaryView(InputRegistry.quote(view), table);
    List<String> select = new ArrayList<>();
    for (Column c : table.getResolvedSchema().getColumns()) {
      if (!c.isPhysical()) {
        continue;
      }
      String name = InputRegistry.quote(c.getName());
      LogicalType type = c.getDataType().getLogicalType();
      boolean materialized = times.contains(c) && !keep.map(c.getName()::equals).orElse(false);
      select.add(materialized
          ? "CAST(" + name + " AS " + plain(type).copy(true).asSerializableString() + ") AS " + name
          : name);
    }
    return tEnv.sqlQuery("SELECT " + String.join(", ", select) + " FROM " + InputRegistry.quote(view));
  }
}
