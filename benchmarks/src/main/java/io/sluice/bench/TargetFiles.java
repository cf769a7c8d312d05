package io.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopTables;

/**
 * The Parquet files a run wrote into a table's folder (not the log or metadata): Delta data
 * files, Iceberg data and delete files; and the delete files Iceberg's current snapshot carries.
 */
record TargetFiles(long files, long bytes) {

  /** Parquet files under {@code table} modified at or after {@code since}. */
  static TargetFiles since(Path table, Instant since) {
    try (Stream<Path> walk = Files.walk(table)) {
      List<Path> files = walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .filter(f -> !f.toString().contains("_delta_log") && !f.toString().contains("/metadata/"))
          .filter(f -> f.toFile().lastModified() >= since.toEpochMilli())
          .toList();
      return new TargetFiles(files.size(), files.stream().mapToLong(f -> f.toFile().length()).sum());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String describe() {
    return String.format("%,d Parquet files, %.1f MiB", files, bytes / (1024.0 * 1024.0));
  }

  /** Data and delete files of the current snapshot, and the delete rows readers must merge. */
  static String icebergDeletes(Path table) {
    Table t = new HadoopTables(new org.apache.hadoop.conf.Configuration()).load(table.toUri().toString());
    Map<String, String> s = t.currentSnapshot().summary();
    return String.format("%s rows in %s data files, %s delete files (%s equality deletes, %s position deletes), "
            + "%d snapshots since the refresh",
        s.get(SnapshotSummary.TOTAL_RECORDS_PROP), s.get(SnapshotSummary.TOTAL_DATA_FILES_PROP),
        s.get(SnapshotSummary.TOTAL_DELETE_FILES_PROP), s.get(SnapshotSummary.TOTAL_EQ_DELETES_PROP),
        s.get(SnapshotSummary.TOTAL_POS_DELETES_PROP), snapshotsSinceReplace(t));
  }

  private static int snapshotsSinceReplace(Table t) {
    int n = 0;
    for (var s = t.currentSnapshot(); s != null && s.parentId() != null; s = t.snapshot(s.parentId())) {
      n++;
    }
    return n;
  }
}
