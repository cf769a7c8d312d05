package io.sluice.runtime.catalog;

import io.sluice.connectors.delta.DeltaTable;
import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.TableFormat;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.storage.StorageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Looks at a pipeline's stored tables: which exist, how many rows, what they hold. */
public final class TableInspector {
  private final PipelineSpec spec;
  private final PipelineGraph graph;
  private final StorageLayout layout;

  public TableInspector(PipelineSpec spec, PipelineGraph graph) {
    this.spec = spec;
    this.graph = graph;
    this.layout = new StorageLayout(spec.storage());
  }

  /** One persisted dataset as stored. */
  public record TableInfo(String name, String kind, String format, boolean exists, long rows,
      long version, String path) {}

  public List<TableInfo> tables() {
    List<TableInfo> result = new ArrayList<>();
    for (Dataset d : graph.datasetsInOrder()) {
      io.sluice.core.model.Quarantine.tableOf(d).ifPresent(q -> result.add(delta(q, "quarantine of " + d.name())));
      if (!d.kind().isPersisted()) {
        continue;
      }
      TableFormat format = d.spec().format().orElse(spec.format());
      String path = StorageLayout.uri(layout.table(d.name()));
      if (format == TableFormat.DELTA) {
        DeltaTable t = DeltaTable.forPath(path);
        boolean exists = t.exists();
        result.add(new TableInfo(d.name(), d.kind().label(), format.lowerName(), exists,
            exists ? t.count() : 0, exists ? t.latestVersion() : -1, layout.table(d.name()).toString()));
      } else {
        io.sluice.connectors.iceberg.IcebergTable t = io.sluice.connectors.iceberg.IcebergTable.forPath(path);
        boolean exists = t.exists();
        result.add(new TableInfo(d.name(), d.kind().label(), format.lowerName(), exists,
            exists ? t.count() : 0, exists ? t.currentSnapshotId().orElse(-1L) : -1, layout.table(d.name()).toString()));
      }
    }
    return result;
  }

  private TableInfo delta(String name, String kind) {
    DeltaTable t = DeltaTable.forPath(StorageLayout.uri(layout.table(name)));
    boolean exists = t.exists();
    return new TableInfo(name, kind, "delta", exists, exists ? t.count() : 0, exists ? t.latestVersion() : -1,
        layout.table(name).toString());
  }

  /** The schema and up to {@code limit} rows of a dataset's (or a quarantine) table, as text. */
  public Optional<Rows> show(String dataset, int limit) {
    boolean quarantine = graph.datasets().values().stream()
        .anyMatch(x -> io.sluice.core.model.Quarantine.tableOf(x).filter(dataset::equals).isPresent());
    if (quarantine) {
      return Optional.of(rows(DeltaTable.forPath(StorageLayout.uri(layout.table(dataset))), limit));
    }
    Optional<Dataset> d = graph.dataset(dataset).filter(x -> x.kind().isPersisted());
    if (d.isEmpty()) {
      return Optional.empty();
    }
    String path = StorageLayout.uri(layout.table(d.get().name()));
    boolean iceberg = d.get().spec().format().orElse(spec.format()) == TableFormat.ICEBERG;
    io.sluice.connectors.iceberg.IcebergTable ice = io.sluice.connectors.iceberg.IcebergTable.forPath(path);
    DeltaTable delta = DeltaTable.forPath(path);
    if (iceberg ? !ice.exists() : !delta.exists()) {
      return Optional.of(new Rows(List.of(), List.of()));
    }
    RowType type = iceberg ? ice.schema() : delta.schema();
    List<List<String>> rows = new ArrayList<>();
    for (RowData r : iceberg ? ice.read(limit) : delta.read(limit)) {
      rows.add(RowText.format(r, type));
    }
    return Optional.of(new Rows(type.getFieldNames(), rows));
  }

  private static Rows rows(DeltaTable t, int limit) {
    if (!t.exists()) {
      return new Rows(List.of(), List.of());
    }
    RowType type = t.schema();
    List<List<String>> rows = new ArrayList<>();
    for (RowData r : t.read(limit)) {
      rows.add(RowText.format(r, type));
    }
    return new Rows(type.getFieldNames(), rows);
  }

  /** Column names and formatted values. */
  public record Rows(List<String> columns, List<List<String>> values) {}
}
