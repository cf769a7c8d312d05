package io.sluice.connectors.files;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the parts of one record that do not fit the schema, by field path ({@code a} for a
 * top-level field, {@code a.b} inside a row). Inside arrays and maps a field cannot be rescued on
 * its own; there a {@link #strict()} instance makes the whole array or map value fail instead.
 */
class Rescue {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  static Rescue strict() {
    return Strict.INSTANCE;
  }

  void put(String path, Object original) {
    fields.put(path, original);
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  Map<String, Object> fields() {
    return fields;
  }

  private static final class Strict extends Rescue {
    static final Strict INSTANCE = new Strict();

    @Override
    void put(String path, Object original) {
      throw ConversionFailure.INSTANCE;
    }
  }
}
