package io.sluice.core.model;

import java.util.List;
import java.util.Locale;

/**
 * A choice of columns: all of them, only some ({@code COLUMNS a, b}), or all but some ({@code
 * COLUMNS * EXCEPT (a, b)}). Names are matched without regard to case.
 */
public record ColumnSelection(Mode mode, List<String> names) {
  public enum Mode { ALL, ONLY, EXCEPT }

  public static final ColumnSelection ALL = new ColumnSelection(Mode.ALL, List.of());

  public ColumnSelection {
    names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }

  public boolean includes(String column) {
    boolean named = names.contains(column.toLowerCase(Locale.ROOT));
    return switch (mode) {
      case ALL -> true;
      case ONLY -> named;
      case EXCEPT -> !named;
    };
  }
}
