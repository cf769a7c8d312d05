package io.sluice.runtime.eventtime;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

/**
 * One input's event time in one flow: whose rows these are, which column holds their event time,
 * how the watermark follows it, and where late rows go.
 *
 * @param inputType the rows as they arrive (the dataset's stored types)
 * @param timeField index of the event-time column, a TIMESTAMP or TIMESTAMP_LTZ
 * @param quarantine where late rows are written, or {@code null} when they are dropped
 */
public record GateSpec(String flow, String dataset, RowType inputType, int timeField, Watermarking watermarking,
    LateQuarantine quarantine) implements Serializable {

  /**
   * @param delayMillis how far the watermark trails the newest event time
   * @param idleTimeoutMillis after this long without a row the input stops holding back the
   *     watermark of operators it feeds (0: never)
   * @param intervalMillis how often the watermark is emitted (also before every checkpoint barrier)
   */
  public record Watermarking(long delayMillis, long idleTimeoutMillis, long intervalMillis) implements Serializable {
    public Watermarking {
      if (delayMillis < 0 || idleTimeoutMillis < 0 || intervalMillis <= 0) {
        throw new IllegalArgumentException(String.format(
            "Cannot generate watermarks with delay %d ms, idle timeout %d ms, interval %d ms: the delay and"
                + " the timeout must not be negative, the interval must be positive",
            delayMillis, idleTimeoutMillis, intervalMillis));
      }
    }
  }

  /**
   * Late rows go to a quarantine table.
   *
   * @param type the quarantine table's schema: the input's columns, then the quarantine columns
   */
  public record LateQuarantine(String updateId, RowType type) implements Serializable {
    public LateQuarantine {
      Objects.requireNonNull(updateId, "updateId");
      Objects.requireNonNull(type, "type");
    }
  }

  public GateSpec {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(watermarking, "watermarking");
    if (timeField < 0 || timeField >= inputType.getFieldCount()
        || !isTimestamp(inputType.getTypeAt(timeField))) {
      throw new IllegalArgumentException(String.format(
          "Cannot read the event time of '%s' from field %d of %s: it must be a TIMESTAMP or TIMESTAMP_LTZ column",
          dataset, timeField, inputType));
    }
  }

  public boolean quarantines() {
    return quarantine != null;
  }

  /** The event-time column's name. */
  public String timeColumn() {
    return inputType.getFieldNames().get(timeField);
  }

  /** The rows the gate emits: the input's, with the event-time column at precision 3 (a rowtime). */
  public RowType outputType() {
    LogicalType time = inputType.getTypeAt(timeField);
    LogicalType rowtime = time.is(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
        ? new LocalZonedTimestampType(time.isNullable(), 3)
        : new TimestampType(time.isNullable(), 3);
    java.util.List<RowType.RowField> fields = new java.util.ArrayList<>(inputType.getFields());
    RowType.RowField f = fields.get(timeField);
    fields.set(timeField, new RowType.RowField(f.getName(), rowtime, f.getDescription().orElse(null)));
    return new RowType(inputType.isNullable(), fields);
  }

  int timePrecision() {
    LogicalType time = inputType.getTypeAt(timeField);
    return time instanceof TimestampType t ? t.getPrecision() : ((LocalZonedTimestampType) time).getPrecision();
  }

  /** Whether a type can hold event time. */
  public static boolean isTimestamp(LogicalType type) {
    return type.is(LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE)
        || type.is(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
  }
}
