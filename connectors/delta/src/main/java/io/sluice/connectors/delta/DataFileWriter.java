package io.sluice.connectors.delta;

import io.delta.kernel.Transaction;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Writes buffered rows of one partition as Parquet data files through Kernel: {@code
 * transformLogicalData}, {@code getWriteContext}, then the engine's Parquet writer with the
 * table's statistics columns. The files are not yet part of the table.
 */
final class DataFileWriter {
  private final Engine engine;
  private final Row transactionState;
  private final StructType schema;
  private final StructType statsSchema;
  private final RowType rowType;

  DataFileWriter(Engine engine, Transaction transaction, RowType rowType) {
    this.engine = engine;
    this.transactionState = transaction.getTransactionState(engine);
    this.schema = transaction.getSchema(engine);
    this.statsSchema = statsSchema(schema, transaction.getPartitionColumns(engine));
    this.rowType = rowType;
  }

  /** Writes the rows (all of the given partition) and describes the files, untagged. */
  List<DeltaCommittable> write(Map<String, String> partition, List<RowData> rows)
      throws IOException {
    Map<String, Literal> literals = PartitionValues.literals(schema, partition);
    FilteredColumnarBatch batch =
        new FilteredColumnarBatch(FlinkColumnarBatch.of(schema, rowType, rows), Optional.empty());
    CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(
        engine, transactionState, iterator(List.of(batch).iterator()), literals);
    DataWriteContext context = Transaction.getWriteContext(engine, transactionState, literals);
    List<DeltaCommittable> files = new ArrayList<>();
    try (CloseableIterator<DataFileStatus> written = engine.getParquetHandler().writeParquetFiles(
        context.getTargetDirectory(), physical, context.getStatisticsColumns())) {
      while (written.hasNext()) {
        DataFileStatus file = written.next();
        Optional<DataFileStatistics> stats = file.getStatistics();
        files.add(new DeltaCommittable(0L, file.getPath(), file.getSize(),
            file.getModificationTime(), partition,
            stats.map(s -> s.serializeAsJson(statsSchema)).orElse(null),
            stats.map(DataFileStatistics::getNumRecords).orElse((long) rows.size())));
      }
    }
    return files;
  }

  /** The schema of the columns stored in data files: the table's minus partition columns. */
  static StructType statsSchema(StructType tableSchema, List<String> partitionColumns) {
    List<StructField> fields = tableSchema.fields().stream()
        .filter(field -> !partitionColumns.contains(field.getName()))
        .collect(Collectors.toList());
    return new StructType(fields);
  }

  static <T> CloseableIterator<T> iterator(Iterator<T> iterator) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public T next() {
        return iterator.next();
      }

      @Override
      public void close() {}
    };
  }
}
