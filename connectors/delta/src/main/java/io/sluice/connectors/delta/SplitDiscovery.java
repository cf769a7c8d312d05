package io.sluice.connectors.delta;

import io.delta.kernel.CommitActions;
import io.delta.kernel.CommitRange;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;

/**
 * Finds the files a Delta source has to read: all files of the latest snapshot, or the files that
 * commits after the last enumerated version added. Runs outside the enumerator's thread.
 */
final class SplitDiscovery {
  /**
   * What one discovery found.
   *
   * @param afterVersion the last enumerated version the discovery started from (-1: none)
   * @param toVersion the last version covered; the latest version of the table when it ran
   * @param splits the files of the versions after {@code afterVersion} up to {@code toVersion}
   */
  record Result(long afterVersion, long toVersion, List<DeltaSplit> splits) {}

  private final String tablePath;
  private final Engine engine;

  SplitDiscovery(String tablePath, Engine engine) {
    this.tablePath = tablePath;
    this.engine = engine;
  }

  /** The latest snapshot's files if nothing was enumerated yet, else the later commits' files. */
  Result discover(long lastEnumerated) {
    Snapshot latest = DeltaTable.latestSnapshot(engine, tablePath)
        .orElseThrow(() -> new IllegalStateException(String.format(
            "Cannot read Delta table %s: it does not exist. Create it before the job starts.",
            tablePath)));
    long version = latest.getVersion();
    if (lastEnumerated < 0) {
      return new Result(lastEnumerated, version, snapshotFiles(latest));
    } else if (version <= lastEnumerated) {
      return new Result(lastEnumerated, lastEnumerated, List.of());
    }
    return new Result(lastEnumerated, version, addedFiles(lastEnumerated + 1, latest));
  }

  private List<DeltaSplit> snapshotFiles(Snapshot snapshot) {
    List<DeltaSplit> splits = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder().build().getScanFiles(engine)) {
      while (batches.hasNext()) {
        FilteredColumnarBatch batch = batches.next();
        ColumnarBatch data = batch.getData();
        Optional<ColumnVector> selected = batch.getSelectionVector();
        RowDataReader reader = new RowDataReader(data.getSchema());
        ColumnVector paths = pathVector(data);
        for (int i = 0; i < data.getSize(); i++) {
          if (selected.isEmpty() || (!selected.get().isNullAt(i) && selected.get().getBoolean(i))) {
            splits.add(split(snapshot.getVersion(), paths.getString(i),
                ScanFileCodec.encode(data.getSchema(), reader.read(data, i))));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of Delta table " + tablePath, e);
    }
    return splits;
  }

  @SuppressWarnings("try") // CommitActions.close() is declared to throw Exception
  private List<DeltaSplit> addedFiles(long fromVersion, Snapshot latest) {
    CommitRange range = TableManager.loadCommitRange(tablePath,
            CommitBoundary.atVersion(fromVersion))
        .withEndBoundary(CommitBoundary.atVersion(latest.getVersion()))
        .build(engine);
    String tableRoot = KernelInternals.tableRoot(latest);
    List<DeltaSplit> splits = new ArrayList<>();
    try (CloseableIterator<CommitActions> commits =
        range.getCommitActions(engine, KernelInternals.ADDS_AND_REMOVES)) {
      while (commits.hasNext()) {
        try (CommitActions commit = commits.next();
            CloseableIterator<ColumnarBatch> actions = commit.getActions()) {
          while (actions.hasNext()) {
            addFiles(commit.getVersion(), actions.next(), tableRoot, splits);
          }
        }
      }
    } catch (Exception e) {
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new IllegalStateException("Cannot read the log of Delta table " + tablePath, e);
    }
    return splits;
  }

  private void addFiles(long version, ColumnarBatch actions, String tableRoot,
      List<DeltaSplit> splits) {
    StructType schema = actions.getSchema();
    ColumnVector adds = actions.getColumnVector(schema.indexOf("add"));
    ColumnVector removes = actions.getColumnVector(schema.indexOf("remove"));
    StructType addSchema = (StructType) adds.getDataType();
    int stats = addSchema.indexOf("stats");
    StructType scanFileSchema = new StructType().add("add", withoutField(addSchema, stats))
        .add("tableRoot", StringType.STRING, false);
    ColumnVector addDataChange = child(adds, "dataChange");
    ColumnVector removeDataChange = child(removes, "dataChange");
    RowDataReader reader = new RowDataReader(addSchema);
    for (int i = 0; i < actions.getSize(); i++) {
      if (!removes.isNullAt(i) && removeDataChange.getBoolean(i)) {
        throw new IllegalStateException(String.format(
            "Cannot stream from table %s: version %d removed or rewrote data; streaming reads "
                + "need an append-only table. Full-refresh the reading dataset to read the "
                + "table's current content from the start.", tablePath, version));
      }
      if (!adds.isNullAt(i) && addDataChange.getBoolean(i)) {
        GenericRowData scanFile = GenericRowData.of(
            withoutField(reader.readStruct(adds, i), stats), StringData.fromString(tableRoot));
        splits.add(split(version, child(adds, "path").getString(i),
            ScanFileCodec.encode(scanFileSchema, scanFile)));
      }
    }
  }

  /** Column statistics are not needed to read a file and can be large: splits leave them out. */
  private static StructType withoutField(StructType schema, int index) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    if (index >= 0) {
      fields.remove(index);
    }
    return new StructType(fields);
  }

  private static RowData withoutField(GenericRowData row, int index) {
    if (index < 0) {
      return row;
    }
    GenericRowData projected = new GenericRowData(row.getArity() - 1);
    for (int from = 0, to = 0; from < row.getArity(); from++) {
      if (from != index) {
        projected.setField(to++, row.getField(from));
      }
    }
    return projected;
  }

  private static DeltaSplit split(long version, String path, byte[] scanFile) {
    return new DeltaSplit(version + ":" + path, version, scanFile, 0L);
  }

  private static ColumnVector pathVector(ColumnarBatch scanFiles) {
    return child(scanFiles.getColumnVector(scanFiles.getSchema().indexOf("add")), "path");
  }

  private static ColumnVector child(ColumnVector struct, String field) {
    return struct.getChild(((StructType) struct.getDataType()).indexOf(field));
  }
}
