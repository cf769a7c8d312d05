package io.sluice.connectors.files;

/**
 * Signals that a value does not fit its column type. Thrown and caught on the hot path for every
 * mismatching value, so it carries no stack trace.
 */
final class ConversionFailure extends RuntimeException {
  static final ConversionFailure INSTANCE = new ConversionFailure();

  private ConversionFailure() {
    super("value does not fit the column type", null, false, false);
  }
}
