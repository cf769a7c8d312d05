package io.sluice.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the delay of a watermark expression. Two forms are supported: the event-time column
 * itself ({@code ts}: no delay) and the column minus a day-time interval literal in any form
 * Flink SQL writes one ({@code ts - INTERVAL '5' SECOND}, {@code INTERVAL '1:30' MINUTE TO
 * SECOND}, {@code INTERVAL '2' DAYS}, {@code INTERVAL 10 SECOND}). Fractions of a second below a
 * millisecond are dropped, as Flink's intervals do. Leading-field precision (Flink's {@code '100'
 * SECOND} needs {@code SECOND(3)}) is left to Flink's own check of the expression.
 */
final class WatermarkExpression {
  private static final String NAME = "(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_$]*)";
  private static final String UNIT = "(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?";
  private static final Pattern FORM = Pattern.compile(
      "\\s*" + NAME + "\\s*(?:-\\s*INTERVAL\\s*('(?:[^']|'')*'|[+-]?\\d+(?:\\.\\d+)?)\\s*" + UNIT
          + "(?:\\s+TO\\s+" + UNIT + ")?)?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBTRACTION = Pattern.compile(
      "\\s*" + NAME + "\\s*-\\s*INTERVAL\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final List<String> UNITS = List.of("DAY", "HOUR", "MINUTE", "SECOND");
  private static final long[] MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
  /** Upper bounds of the fields after the first one: hours of a day, minutes, seconds. */
  private static final long[] FIELD_LIMIT = {Long.MAX_VALUE, 24, 60, 60};

  private WatermarkExpression() {}

  /**
   * The delay {@code text} subtracts from {@code column}.
   *
   * @throws IllegalArgumentException "Cannot use watermark expression ...: why" when the
   *     expression has another form
   */
  static Duration delay(String column, String text) {
    String expr = unwrap(text.strip());
    Matcher m = FORM.matcher(expr);
    if (!m.matches()) {
      Matcher sub = SUBTRACTION.matcher(expr);
      throw invalid(text, sub.matches() && sameColumn(sub.group(1), column)
          ? "the interval is not a Flink SQL interval literal such as INTERVAL '5' SECOND"
          : "Sluice reads event time from the column itself or the column minus an interval");
    }
    if (!sameColumn(m.group(1), column)) {
      throw invalid(text, "it must start with the watermark column '" + column + "', not " + m.group(1));
    }
    if (m.group(2) == null) {
      return Duration.ZERO;
    }
    String from = m.group(3).toUpperCase(Locale.ROOT);
    String to = m.group(4) == null ? from : m.group(4).toUpperCase(Locale.ROOT);
    if (!UNITS.contains(from) || !UNITS.contains(to)) {
      throw invalid(text, "a YEAR or MONTH interval has no fixed length; use DAY, HOUR, MINUTE or SECOND");
    }
    int first = UNITS.indexOf(from);
    int last = UNITS.indexOf(to);
    if (last < first) {
      throw invalid(text, "INTERVAL ... " + from + " TO " + to + " is not an interval qualifier");
    }
    return Duration.ofMillis(millis(text, literal(m.group(2)), first, last));
  }

  /** Drops parentheses around the whole expression: {@code (ts - INTERVAL '1' SECOND)}. */
  private static String unwrap(String expr) {
    String s = expr;
    while (s.startsWith("(") && s.endsWith(")")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private static boolean sameColumn(String written, String column) {
    return Names.normalize(written).equals(Names.normalize(column));
  }

  private static String literal(String raw) {
    return raw.startsWith("'") ? raw.substring(1, raw.length() - 1).replace("''", "'").strip() : raw;
  }

  /**
   * The literal's value for fields {@code first..last} of DAY, HOUR, MINUTE, SECOND: {@code 'd'},
   * {@code 'd h'}, {@code 'h:m'}, {@code 'd h:m:s.fff'} and so on; only SECOND takes a fraction.
   */
  private static long millis(String text, String literal, int first, int last) {
    Matcher m = literalPattern(first, last).matcher(literal);
    if (!m.matches()) {
      throw badLiteral(text, literal, first, last);
    }
    long total = 0;
    for (int unit = first; unit <= last; unit++) {
      long value = Long.parseLong(m.group(unit - first + 2));
      if (unit > first && value >= FIELD_LIMIT[unit]) {
        throw badLiteral(text, literal, first, last);
      }
      total += value * MILLIS[unit];
    }
    String fraction = m.group(last - first + 3);
    if (fraction != null && !fraction.isEmpty()) {
      total += Long.parseLong((fraction + "00").substring(0, 3));
    }
    if ("-".equals(m.group(1)) && total != 0) {
      throw invalid(text, "the delay must not be negative");
    }
    return total;
  }

  /** Sign, one group per field, then the fraction of a second (if SECOND is the last field). */
  private static Pattern literalPattern(int first, int last) {
    StringBuilder p = new StringBuilder("([+-])?(\\d+)");
    for (int unit = first + 1; unit <= last; unit++) {
      p.append(unit == 1 ? "\\s+" : ":").append("(\\d+)");
    }
    p.append(last == 3 ? "(?:\\.(\\d+))?" : "()?");
    return Pattern.compile(p.toString());
  }

  private static IllegalArgumentException badLiteral(String text, String literal, int first, int last) {
    String qualifier = first == last ? UNITS.get(first) : UNITS.get(first) + " TO " + UNITS.get(last);
    return invalid(text, "'" + literal + "' is not an INTERVAL " + qualifier + " value");
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("Cannot use watermark expression '" + text.strip() + "': " + why);
  }
}
