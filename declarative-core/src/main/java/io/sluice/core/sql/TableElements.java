package io.sluice.core.sql;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.WatermarkSpec;
import java.util.List;
import java.util.Optional;

/** What the parentheses after a dataset's name declare. */
record TableElements(
    List<ColumnSpec> columns, List<Expectation> expectations, Optional<WatermarkSpec> watermark) {

  static final TableElements NONE = new TableElements(List.of(), List.of(), Optional.empty());

  TableElements {
    columns = List.copyOf(columns);
    expectations = List.copyOf(expectations);
  }
}
