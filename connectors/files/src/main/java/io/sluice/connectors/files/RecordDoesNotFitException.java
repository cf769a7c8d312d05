package io.sluice.connectors.files;

import java.util.Set;

/** A record has fields that do not fit the schema and there is no rescued-data column to keep them. */
final class RecordDoesNotFitException extends RuntimeException {
  RecordDoesNotFitException(Set<String> fields) {
    super(
        fields.contains(RecordConverter.MALFORMED_KEY)
            ? "the record cannot be parsed"
            : "fields " + fields + " are not in the schema or do not fit their column type");
  }
}
