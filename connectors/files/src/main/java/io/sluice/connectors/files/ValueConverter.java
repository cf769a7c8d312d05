package io.sluice.connectors.files;

/**
 * Converts one plain Java value (as produced by the format readers) into Flink's internal data
 * structure for a column type, or throws {@link ConversionFailure}. Nested rows put the fields that
 * do not fit into the given {@link Rescue} under paths below {@code path}.
 */
@FunctionalInterface
interface ValueConverter {
  Object convert(Object value, Rescue rescue, String path);

  /** A converter for a scalar type, which has no nested fields to rescue. */
  static ValueConverter scalar(java.util.function.Function<Object, Object> conversion) {
    return (value, rescue, path) -> conversion.apply(value);
  }
}
