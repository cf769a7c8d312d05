package io.sluice.core.sql;

import io.sluice.core.model.Sink;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CREATE SINK name [USING format] [OPTIONS (k = v, ...)]}, or Flink style {@code CREATE SINK
 * name WITH ('connector' = 'kafka', ...)}. The format comes from USING, else from the {@code
 * format} or {@code connector} option; options are kept as written.
 */
final class SinkStatementParser {
  private SinkStatementParser() {}

  static void parse(TokenCursor c, DefinitionsBuilder out) {
    DefinedName name = DefinedName.read(c, "the sink");
    Optional<String> using = Optional.empty();
    if (c.acceptWords("USING")) {
      Token format = c.peek();
      if (format == null || !(format.kind() == TokenKind.WORD || format.isStringLiteral())) {
        throw c.failure("a format after USING, for example delta or kafka");
      }
      using = Optional.of(Literals.value(c.next()).toLowerCase(Locale.ROOT));
    }
    Map<String, String> options = new LinkedHashMap<>();
    while (c.atWords("OPTIONS") || c.atWords("WITH")) {
      String clause = c.next().upper();
      options.putAll(PropertyListParser.parse(c, clause));
    }
    if (!c.atEnd()) {
      throw c.failure(
          (using.isEmpty() ? "USING, " : "") + "OPTIONS (...) or the end of the statement");
    }
    Optional<String> format =
        using.or(() -> option(options, "format")).or(() -> option(options, "connector"));
    if (format.isEmpty()) {
      throw c.failureAt(
          name.token(),
          "expected USING format, or a 'format' or 'connector' option,"
              + " for sink "
              + name.name());
    }
    if (name.valid()) {
      out.add(new Sink(name.name(), format.get(), options, c.context().locate(name.token())));
    }
  }

  private static Optional<String> option(Map<String, String> options, String key) {
    return options.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(key))
        .map(e -> e.getValue().toLowerCase(Locale.ROOT))
        .findFirst();
  }
}
