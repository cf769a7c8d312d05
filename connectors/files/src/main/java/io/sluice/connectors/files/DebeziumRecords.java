package io.sluice.connectors.files;

import java.io.IOException;

/**
 * The records of a {@code debezium-json} file: its JSON records, each event flattened by {@link
 * DebeziumEnvelope}. One event is one record, so positions (and resuming a file) are those of JSON.
 */
final class DebeziumRecords implements RecordSource {
  private final RecordSource events;

  DebeziumRecords(RecordSource events) {
    this.events = events;
  }

  @Override
  public ParsedRecord next() throws IOException {
    ParsedRecord event = events.next();
    return event == null ? null : DebeziumEnvelope.flatten(event);
  }

  @Override
  public void skip(long count) throws IOException {
    events.skip(count);
  }

  @Override
  public void close() throws IOException {
    events.close();
  }
}
