package io.sluice.connectors.files;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * Conversions of plain values to Flink's internal scalar values. Text is parsed for every type
 * (CSV values are text), numbers must fit without loss (no rounding of decimals, no fractional
 * values in integer columns); anything else throws {@link ConversionFailure}.
 */
final class ScalarConversions {
  private ScalarConversions() {}

  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return Boolean.valueOf(t);
      }
    }
    throw ConversionFailure.INSTANCE;
  }

  static long integral(Object value, long min, long max) {
    long result;
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      result = ((Number) value).longValue();
    } else if (value instanceof BigInteger big && big.bitLength() <= 63) {
      result = big.longValue();
    } else if (value instanceof String s) {
      try {
        result = Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw ConversionFailure.INSTANCE;
      }
    } else {
      throw ConversionFailure.INSTANCE;
    }
    if (result < min || result > max) {
      throw ConversionFailure.INSTANCE;
    }
    return result;
  }

  static double floating(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      String t = s.trim();
      boolean special = t.equals("NaN") || t.endsWith("Infinity");
      boolean plain = !t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."));
      if ((special || plain) && !t.toLowerCase(Locale.ROOT).contains("x")) {
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw ConversionFailure.INSTANCE;
        }
      }
    }
    throw ConversionFailure.INSTANCE;
  }

  static DecimalData decimal(Object value, int precision, int scale) {
    BigDecimal decimal;
    try {
      if (value instanceof BigDecimal d) {
        decimal = d;
      } else if (value instanceof BigInteger i) {
        decimal = new BigDecimal(i);
      } else if (value instanceof Integer || value instanceof Long) {
        decimal = BigDecimal.valueOf(((Number) value).longValue());
      } else if (value instanceof Double || value instanceof Float) {
        decimal = new BigDecimal(value.toString());
      } else if (value instanceof String s) {
        decimal = new BigDecimal(s.trim());
      } else {
        throw ConversionFailure.INSTANCE;
      }
      DecimalData result =
          DecimalData.fromBigDecimal(decimal.setScale(scale, RoundingMode.UNNECESSARY), precision, scale);
      if (result == null) {
        throw ConversionFailure.INSTANCE;
      }
      return result;
    } catch (ArithmeticException | NumberFormatException e) {
      throw ConversionFailure.INSTANCE;
    }
  }

  static StringData string(Object value) {
    if (value instanceof String s) {
      return StringData.fromString(s);
    }
    if (value instanceof byte[] bytes) {
      return StringData.fromString(strictUtf8(bytes));
    }
    if (value instanceof Map || value instanceof List) {
      return StringData.fromString(JsonCodec.write(value));
    }
    return StringData.fromString(value.toString());
  }

  static byte[] bytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof String s) {
      try {
        return Base64.getDecoder().decode(s.trim());
      } catch (IllegalArgumentException e) {
        throw ConversionFailure.INSTANCE;
      }
    }
    throw ConversionFailure.INSTANCE;
  }

  static int date(Object value) {
    if (value instanceof LocalDate date) {
      return (int) date.toEpochDay();
    }
    if (value instanceof String s) {
      return (int) TemporalText.date(s).toEpochDay();
    }
    throw ConversionFailure.INSTANCE;
  }

  static TimestampData timestamp(Object value, int precision) {
    LocalDateTime local;
    if (value instanceof LocalDateTime l) {
      local = l;
    } else if (value instanceof Instant instant) {
      local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    } else if (value instanceof String s) {
      local = TemporalText.localDateTime(s);
    } else {
      throw ConversionFailure.INSTANCE;
    }
    return TimestampData.fromLocalDateTime(local.withNano(truncate(local.getNano(), precision)));
  }

  static TimestampData instant(Object value, int precision) {
    Instant instant;
    if (value instanceof Instant i) {
      instant = i;
    } else if (value instanceof LocalDateTime local) {
      instant = local.toInstant(ZoneOffset.UTC);
    } else if (value instanceof String s) {
      instant = TemporalText.instant(s);
    } else {
      throw ConversionFailure.INSTANCE;
    }
    return TimestampData.fromInstant(
        Instant.ofEpochSecond(instant.getEpochSecond(), truncate(instant.getNano(), precision)));
  }

  private static int truncate(int nanos, int precision) {
    int unit = (int) Math.pow(10, 9 - precision);
    return nanos - nanos % unit;
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ConversionFailure.INSTANCE;
    }
  }
}
