package io.sluice.expectations;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.RowType.RowField;
import org.apache.flink.table.types.logical.VarCharType;

/** The columns a quarantine row carries after the data columns. */
final class QuarantineColumns {
  static final String FAILED_EXPECTATIONS = "_failed_expectations";
  static final String UPDATE_ID = "_update_id";
  static final String FLOW = "_flow";
  static final String QUARANTINED_AT = "_quarantined_at";
  static final List<String> NAMES = List.of(FAILED_EXPECTATIONS, UPDATE_ID, FLOW, QUARANTINED_AT);

  private QuarantineColumns() {}

  /**
   * The data columns, then {@code _failed_expectations ARRAY<STRING>}, {@code _update_id STRING},
   * {@code _flow STRING}, {@code _quarantined_at TIMESTAMP_LTZ(3)}. Names are compared ignoring
   * case, as table formats such as Delta do.
   */
  static RowType type(RowType data) {
    for (String column : data.getFieldNames()) {
      for (String reserved : NAMES) {
        if (column.equalsIgnoreCase(reserved)) {
          throw new IllegalArgumentException(String.format(
              "Cannot add quarantine column '%s': the dataset already has a column '%s'"
                  + " (reserved for quarantine rows: %s); rename that column",
              reserved, column, String.join(", ", NAMES)));
        }
      }
    }
    List<RowField> fields = new ArrayList<>(data.getFields());
    fields.add(new RowField(FAILED_EXPECTATIONS, new ArrayType(VarCharType.STRING_TYPE),
        "names of the expectations the row failed, in declaration order"));
    fields.add(new RowField(UPDATE_ID, VarCharType.STRING_TYPE, "the update that quarantined the row"));
    fields.add(new RowField(FLOW, VarCharType.STRING_TYPE, "the flow that produced the row"));
    fields.add(new RowField(QUARANTINED_AT, new LocalZonedTimestampType(3),
        "processing time when the row was quarantined"));
    return new RowType(data.isNullable(), fields);
  }
}
