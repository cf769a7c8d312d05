package io.sluice.connectors.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * How a dataset's definition (schema and partition columns) compares with an existing table, in
 * any format. Each table format walks its own types and reports differences through a {@link
 * Builder}; callers see one result type.
 *
 * <p>Types are compared as the format stores them ({@code VARCHAR(10)} and {@code STRING} are the
 * same). A definition that is {@code NOT NULL} where the table allows nulls is a difference, but
 * rows of such a definition can still be appended: see {@link #isWritable()}.
 */
public final class SchemaComparison {
  private final List<String> differences;
  private final boolean writable;

  private SchemaComparison(List<String> differences, boolean writable) {
    this.differences = List.copyOf(differences);
    this.writable = writable;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the table has exactly the definition's columns, types, nullability and partitions. */
  public boolean isSame() {
    return differences.isEmpty();
  }

  /** Whether rows of the definition can be appended to the table as it is. */
  public boolean isWritable() {
    return writable;
  }

  /** Each difference as a sentence, table side first; empty when {@link #isSame()}. */
  public List<String> differences() {
    return differences;
  }

  /** A one-line description: "same" or the differences joined with "; ". */
  public String describe() {
    return isSame() ? "same" : String.join("; ", differences);
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Collects differences while a format walks both schemas. */
  public static final class Builder {
    private final List<String> differences = new ArrayList<>();
    private boolean writable = true;

    private Builder() {}

    /** Records a difference; {@code blocksWrites} when rows of the definition no longer fit. */
    public Builder add(boolean blocksWrites, String difference) {
      differences.add(difference);
      writable &= !blocksWrites;
      return this;
    }

    public SchemaComparison build() {
      return new SchemaComparison(differences, writable);
    }
  }
}
