package io.sluice.connectors.files;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Incremental file ingestion ({@code read_files} / {@code cloud_files}): reads JSON, CSV or Parquet
 * files from a folder or glob into rows of a declared schema, each file once per source state.
 *
 * <p>Unbounded, it lists the location at start and every discovery interval, and remembers every
 * processed path in its checkpointed state, so a job restored from a savepoint or checkpoint reads
 * only files it has not read yet. Once the files present at (re)start have all been read it marks
 * its {@link io.sluice.connectors.progress.CatchUpMarker}. Bounded, it reads the files present at
 * start and finishes.
 *
 * <p>Rows carry the data columns and, unless disabled, a rescued-data column (STRING): a JSON object
 * with whatever did not fit the schema, or NULL. See {@link FileIngestSourceBuilder}.
 */
public final class FileIngestSource
    implements Source<RowData, FileSplit, EnumeratorState>, ResultTypeQueryable<RowData> {
  private static final long serialVersionUID = 1L;

  private final SourceSettings settings;

  FileIngestSource(SourceSettings settings) {
    this.settings = settings;
  }

  /** A builder for a source reading {@code path}: a file, a folder (recursively) or a glob. */
  public static FileIngestSourceBuilder builder(String path) {
    return new FileIngestSourceBuilder(path);
  }

  /** The row type of the produced rows: the data columns, then the rescued-data column if enabled. */
  public RowType producedType() {
    FileReadSpec read = settings.read();
    if (read.rescuedColumn() == null) {
      return read.dataColumns();
    }
    List<RowType.RowField> fields = new ArrayList<>(read.dataColumns().getFields());
    fields.add(new RowType.RowField(read.rescuedColumn(), new VarCharType(VarCharType.MAX_LENGTH)));
    return new RowType(fields);
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return InternalTypeInfo.of(producedType());
  }

  @Override
  public Boundedness getBoundedness() {
    return settings.boundedness();
  }

  @Override
  public SourceReader<RowData, FileSplit> createReader(SourceReaderContext readerContext) {
    return new FileIngestReader(settings.read(), readerContext);
  }

  @Override
  public SplitEnumerator<FileSplit, EnumeratorState> createEnumerator(
      SplitEnumeratorContext<FileSplit> enumContext) {
    return new FileIngestEnumerator(enumContext, settings, EnumeratorState.empty());
  }

  @Override
  public SplitEnumerator<FileSplit, EnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<FileSplit> enumContext, EnumeratorState checkpoint) {
    return new FileIngestEnumerator(enumContext, settings, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<FileSplit> getSplitSerializer() {
    return FileSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
    return EnumeratorStateSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    FileReadSpec read = settings.read();
    return "FileIngestSource[" + read.format() + " " + read.files().location() + "]";
  }
}
