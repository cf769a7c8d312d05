package io.sluice.connectors.files;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Parses dates and timestamps written as ISO-8601 text: {@code 2024-05-01}, {@code 2024-05-01
 * 10:15:30.123456}, {@code 2024-05-01T10:15:30Z}, {@code 2024-05-01T10:15:30+02:00}. Text without
 * an offset is a local date-time; where an instant is needed it is read as UTC.
 */
final class TemporalText {
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .toFormatter();

  private TemporalText() {}

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ConversionFailure.INSTANCE;
    }
  }

  /** A local date-time; text with an offset is converted to UTC. */
  static LocalDateTime localDateTime(String text) {
    Object parsed = parse(text);
    return parsed instanceof OffsetDateTime offset
        ? offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
        : (LocalDateTime) parsed;
  }

  /** An instant; text without an offset is read as UTC. */
  static Instant instant(String text) {
    Object parsed = parse(text);
    return parsed instanceof OffsetDateTime offset
        ? offset.toInstant()
        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  private static Object parse(String text) {
    String t = text.trim();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay();
      }
      TemporalAccessor parsed = TIMESTAMP.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
      return parsed;
    } catch (DateTimeParseException e) {
      throw ConversionFailure.INSTANCE;
    }
  }
}
