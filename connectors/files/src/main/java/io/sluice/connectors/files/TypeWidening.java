package io.sluice.connectors.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.NullType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * The common type of two inferred types. NULL (only nulls seen so far) yields to anything;
 * integers widen to the larger integer, integers and floating point to DOUBLE, decimals to a decimal
 * holding both; rows merge their fields (in order of first appearance), arrays and maps widen their
 * elements; any other conflict becomes STRING, which holds every value as text.
 */
final class TypeWidening {
  private static final List<LogicalTypeRoot> INTEGERS =
      List.of(LogicalTypeRoot.TINYINT, LogicalTypeRoot.SMALLINT, LogicalTypeRoot.INTEGER, LogicalTypeRoot.BIGINT);

  private TypeWidening() {}

  static LogicalType widen(LogicalType a, LogicalType b) {
    if (a instanceof NullType || a.equals(b)) {
      return b;
    }
    if (b instanceof NullType) {
      return a;
    }
    LogicalTypeRoot ra = a.getTypeRoot();
    LogicalTypeRoot rb = b.getTypeRoot();
    if (INTEGERS.contains(ra) && INTEGERS.contains(rb)) {
      return INTEGERS.indexOf(ra) >= INTEGERS.indexOf(rb) ? a : b;
    }
    if (isFloatingOrInteger(ra) && isFloatingOrInteger(rb)) {
      return new DoubleType();
    }
    if (a instanceof DecimalType da && b instanceof DecimalType db) {
      int scale = Math.max(da.getScale(), db.getScale());
      int digits = Math.max(da.getPrecision() - da.getScale(), db.getPrecision() - db.getScale());
      return digits + scale <= DecimalType.MAX_PRECISION ? new DecimalType(digits + scale, scale) : string();
    }
    if (a instanceof RowType ta && b instanceof RowType tb) {
      return mergeRows(ta, tb);
    }
    if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return new ArrayType(widen(aa.getElementType(), ab.getElementType()));
    }
    if (a instanceof MapType ma && b instanceof MapType mb) {
      return new MapType(widen(ma.getKeyType(), mb.getKeyType()), widen(ma.getValueType(), mb.getValueType()));
    }
    return string();
  }

  /** The final type: NULL becomes STRING, and a row without fields STRING (its value as JSON text). */
  static LogicalType finish(LogicalType type) {
    if (type instanceof NullType) {
      return string();
    }
    if (type instanceof RowType row) {
      if (row.getFieldCount() == 0) {
        return string();
      }
      List<RowType.RowField> fields = new ArrayList<>();
      for (RowType.RowField field : row.getFields()) {
        fields.add(new RowType.RowField(field.getName(), finish(field.getType())));
      }
      return new RowType(fields);
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(finish(array.getElementType()));
    }
    if (type instanceof MapType map) {
      return new MapType(finish(map.getKeyType()), finish(map.getValueType()));
    }
    return type;
  }

  static LogicalType string() {
    return new VarCharType(VarCharType.MAX_LENGTH);
  }

  private static RowType mergeRows(RowType a, RowType b) {
    Map<String, LogicalType> fields = new LinkedHashMap<>();
    for (RowType.RowField field : a.getFields()) {
      fields.put(field.getName(), field.getType());
    }
    for (RowType.RowField field : b.getFields()) {
      fields.merge(field.getName(), field.getType(), TypeWidening::widen);
    }
    List<RowType.RowField> merged = new ArrayList<>();
    fields.forEach((name, type) -> merged.add(new RowType.RowField(name, type)));
    return new RowType(merged);
  }

  private static boolean isFloatingOrInteger(LogicalTypeRoot root) {
    return INTEGERS.contains(root) || root == LogicalTypeRoot.FLOAT || root == LogicalTypeRoot.DOUBLE;
  }
}
