package io.sluice.core.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the arguments of {@code read_kafka(bootstrapServers => 'host:9092', subscribe => 'orders',
 * ...)}, Databricks' table-valued function: named arguments only. A name is a word, a backticked
 * name ({@code `kafka.security.protocol`}) or dotted words ({@code kafka.security.protocol}); a
 * value is a string, a number or a boolean. Names are kept as written; what they mean is the
 * engine's to check.
 */
final class KafkaCallParser {
  /** The options that name what is read, in the order the reference's name is taken from them. */
  private static final List<String> SUBSCRIPTIONS = List.of("subscribe", "subscribepattern", "assign");
  /** What names the table of {@code read_postgres(...)}, which takes its arguments the same way. */
  private static final List<String> TABLES = List.of("table");

  /**
   * @param name the topics, pattern or partitions subscribed to, as written ({@code ""} if none)
   * @param options the arguments, names as written
   * @param end index of the token after the call's {@code )}
   */
  record KafkaCall(String name, Map<String, String> options, int end) {}

  private KafkaCallParser() {}

  /** Parses the call whose name is at {@code at}; the caller checked that {@code (} follows. */
  static KafkaCall parse(ParseContext context, List<Token> tokens, int at) {
    return parse(context, tokens, at, SUBSCRIPTIONS);
  }

  /** {@code read_postgres(hostname => ..., table => 'public.orders', ...)}: named by its table. */
  static KafkaCall parsePostgres(ParseContext context, List<Token> tokens, int at) {
    return parse(context, tokens, at, TABLES);
  }

  private static KafkaCall parse(ParseContext context, List<Token> tokens, int at, List<String> nameKeys) {
    String function = tokens.get(at).text().toLowerCase(Locale.ROOT);
    int close = Parens.close(tokens, at + 1);
    if (close < 0) {
      throw new TokenCursor(context, tokens, tokens.get(tokens.size() - 1).end(), function)
          .failureAt(tokens.get(at + 1), "expected ')' to close the argument list");
    }
    TokenCursor c = new TokenCursor(
        context, tokens.subList(at, close + 1), tokens.get(close).end(), function + "(...)");
    c.next();
    c.expectSymbol("(", "'('");
    Map<String, String> options = new LinkedHashMap<>();
    if (!c.atSymbol(")")) {
      do {
        namedOption(c, options);
      } while (c.acceptSymbol(","));
    }
    c.expectSymbol(")", "')' or ', name => value'");
    return new KafkaCall(name(options, nameKeys), options, close + 1);
  }

  private static void namedOption(TokenCursor c, Map<String, String> options) {
    Token first = c.peek();
    StringBuilder name = new StringBuilder();
    if (first != null && first.kind() == TokenKind.QUOTED_NAME) {
      name.append(Literals.value(c.next()));
    } else if (first != null && first.kind() == TokenKind.WORD) {
      name.append(c.next().text());
      while (c.atSymbol(".") && c.peek(1) != null && c.peek(1).kind() == TokenKind.WORD) {
        c.next();
        name.append('.').append(c.next().text());
      }
    } else {
      throw c.failure("a named argument such as subscribe => 'orders'");
    }
    if (!c.atSymbol("=>")) {
      throw c.failure("'=>' after " + name + " (named arguments only)");
    }
    c.next();
    String key = name.toString();
    for (String known : options.keySet()) {
      if (known.equalsIgnoreCase(key)) {
        throw c.failureAt(first, "argument " + key + " is given twice");
      }
    }
    options.put(key, OptionValues.read(c, "argument " + key));
  }

  private static String name(Map<String, String> options, List<String> nameKeys) {
    for (String subscription : nameKeys) {
      for (Map.Entry<String, String> e : options.entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(subscription)) {
          return e.getValue();
        }
      }
    }
    return "";
  }
}
