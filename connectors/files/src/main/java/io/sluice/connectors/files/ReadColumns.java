package io.sluice.connectors.files;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The columns of a file source that its consumers use, so a reader decodes only those (Parquet
 * reads only their column chunks). Every row still has all the source's columns; the ones not
 * read are NULL. {@link #all()} reads everything; {@link #collecting()} starts empty and is told
 * each consumer's columns while the job is planned ({@link #add}), before the source is
 * serialized into the job; a source whose consumers asked for nothing reads everything.
 *
 * <p>A record that would be rescued because of a column no consumer reads is not: what is not read
 * cannot be rescued, and no consumer sees the difference. Asking for the rescued-data column
 * reads every column, so that it holds what it would hold without any selection.
 */
public final class ReadColumns implements Serializable {
  private static final long serialVersionUID = 1L;
  private final boolean everything;
  private final Set<String> names = new LinkedHashSet<>();

  private ReadColumns(boolean everything) {
    this.everything = everything;
  }

  public static ReadColumns all() {
    return new ReadColumns(true);
  }

  public static ReadColumns collecting() {
    return new ReadColumns(false);
  }

  /** Adds the columns a consumer reads. */
  public synchronized void add(Collection<String> columns) {
    names.addAll(columns);
  }

  /** The columns to decode, or empty when every column must be (no selection, or the rescued column asked for). */
  synchronized java.util.Optional<Set<String>> selection(String rescuedColumn) {
    if (everything || names.isEmpty() || (rescuedColumn != null && names.contains(rescuedColumn))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Set.copyOf(names));
  }

  @Override
  public synchronized String toString() {
    return everything ? "all columns" : "columns " + names;
  }
}
