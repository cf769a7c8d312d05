package io.sluice.connectors.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * A Kernel columnar batch that is a view over buffered Flink rows: nothing is copied, each column
 * reads its field from the rows when the Parquet writer asks for it.
 *
 * <p>The batch takes the table's schema (names, nullability and field metadata exactly as Kernel
 * expects them) and reads values according to the Flink row type the rows were produced with;
 * the caller has checked that the two describe the same columns.
 */
final class FlinkColumnarBatch implements ColumnarBatch {
  private final StructType schema;
  private final List<ColumnVector> columns;
  private final int size;

  private FlinkColumnarBatch(StructType schema, List<ColumnVector> columns, int size) {
    this.schema = schema;
    this.columns = columns;
    this.size = size;
  }

  static FlinkColumnarBatch of(StructType schema, RowType rowType, List<RowData> rows) {
    if (schema.length() != rowType.getFieldCount()) {
      throw new IllegalArgumentException(String.format(
          "Cannot view Flink rows of type %s as Delta rows of schema %s: the column counts "
              + "differ.", rowType, schema));
    }
    List<ColumnVector> columns = new ArrayList<>(schema.length());
    for (int i = 0; i < schema.length(); i++) {
      StructField field = schema.at(i);
      columns.add(FlinkColumnVector.ofField(field.getName(), field.getDataType(), rowType, rows,
          i));
    }
    return new FlinkColumnarBatch(schema, columns, rows.size());
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return columns.get(ordinal);
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField columnSchema,
      ColumnVector columnVector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.add(ordinal, columnSchema);
    List<ColumnVector> newColumns = new ArrayList<>(columns);
    newColumns.add(ordinal, columnVector);
    return new FlinkColumnarBatch(new StructType(fields), newColumns, size);
  }

  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    List<ColumnVector> newColumns = new ArrayList<>(columns);
    newColumns.remove(ordinal);
    return new FlinkColumnarBatch(new StructType(fields), newColumns, size);
  }

  @Override
  public ColumnarBatch withNewSchema(StructType newSchema) {
    return new FlinkColumnarBatch(newSchema, columns, size);
  }
}
