package io.sluice.connectors.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.iceberg.CombinedScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.flink.source.DataIterator;
import org.apache.iceberg.flink.source.RowDataFileScanTaskReader;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads the current snapshot of a table in the calling thread with Iceberg's own Flink reader
 * (the one its source uses), for inspection: {@code sluice show} and counts.
 */
final class TableReads {
  private TableReads() {}

  static List<RowData> read(Table table, long limit) {
    RowDataSerializer copier = new RowDataSerializer(IcebergTypes.toFlink(table.schema()));
    List<RowData> rows = new ArrayList<>();
    scan(table, row -> {
      if (limit >= 0 && rows.size() >= limit) {
        return false;
      }
      rows.add(copier.copy(row));
      return true;
    });
    return rows;
  }

  /** The row count, from the snapshot summary when no delete files can hide rows. */
  static long count(Table table) {
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot == null) {
      return 0;
    }
    Map<String, String> summary = snapshot.summary();
    if ("0".equals(summary.get(SnapshotSummary.TOTAL_DELETE_FILES_PROP))
        && summary.containsKey(SnapshotSummary.TOTAL_RECORDS_PROP)) {
      return Long.parseLong(summary.get(SnapshotSummary.TOTAL_RECORDS_PROP));
    }
    long[] count = {0};
    scan(table, row -> {
      count[0]++;
      return true;
    });
    return count[0];
  }

  /** Feeds rows to {@code consumer} until it returns false or the snapshot is read. */
  private static void scan(Table table, Predicate<RowData> consumer) {
    if (table.currentSnapshot() == null) {
      return;
    }
    RowDataFileScanTaskReader reader = new RowDataFileScanTaskReader(table.schema(),
        table.schema(), table.properties().get(TableProperties.DEFAULT_NAME_MAPPING), true,
        List.of());
    try (CloseableIterable<CombinedScanTask> tasks = table.newScan().planTasks()) {
      for (CombinedScanTask task : tasks) {
        try (DataIterator<RowData> rows =
            new DataIterator<>(reader, task, table.io(), table.encryption())) {
          while (rows.hasNext()) {
            if (!consumer.test(rows.next())) {
              return;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Iceberg table " + table.location()
          + ": " + e.getMessage() + ". Check that its data files are readable.", e);
    }
  }
}
