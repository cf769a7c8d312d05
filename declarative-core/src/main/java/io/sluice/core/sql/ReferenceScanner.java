package io.sluice.core.sql;

import io.sluice.core.model.Names;
import io.sluice.core.model.ReferenceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the tables a query reads. A name is a reference only in table position: after FROM, after a
 * JOIN, after a comma of a FROM list (until WHERE, GROUP, ON, a JOIN, {@code )} ...), after {@code
 * TABLE} in a table function's arguments, and inside {@code STREAM(...)}. Names of common table
 * expressions, subqueries, LATERAL, UNNEST, VALUES and other table functions are not.
 *
 * <p>While scanning it also records the rewrites that are not references: {@code LIVE.} prefixes
 * elsewhere (qualified columns) are dropped, Spark double-quoted strings become SQL strings.
 */
final class ReferenceScanner {
  private final TokenCursor query;
  private final List<Token> tokens;
  private final Set<String> cteNames;
  private final TextEdits edits;
  private final List<ReferenceSite> sites = new ArrayList<>();
  private final Deque<Frame> frames = new ArrayDeque<>();

  /** One level of parentheses. */
  private static final class Frame {
    private final boolean function;
    private boolean fromList;
    private boolean expectTable;

    private Frame(boolean function) {
      this.function = function;
    }
  }

  private record Found(TableSource source, int next, boolean streaming) {}

  ReferenceScanner(TokenCursor query, TextEdits edits) {
    this.query = query;
    this.tokens = query.tokens();
    this.cteNames = CommonTableExpressions.names(tokens);
    this.edits = edits;
  }

  List<ReferenceSite> scan() {
    frames.push(new Frame(false));
    int i = 0;
    while (i < tokens.size()) {
      i = step(i);
    }
    return sites;
  }

  private int step(int i) {
    Frame frame = frames.peek();
    if (frame.expectTable) {
      frame.expectTable = false;
      int after = tablePrimary(i);
      if (after > i) {
        return after;
      }
    }
    Token t = tokens.get(i);
    if (t.kind() == TokenKind.WORD) {
      return word(i, frame);
    }
    if (t.kind() == TokenKind.SYMBOL) {
      symbol(i, frame);
    } else if (t.kind() == TokenKind.DOUBLE_STRING) {
      edits.replace(t.start(), t.end(), Literals.toFlinkString(query.context().text(), t));
    }
    return i + 1;
  }

  private int word(int i, Frame frame) {
    Token t = tokens.get(i);
    if (!frame.function && (t.isWord("FROM") || t.isWord("JOIN"))) {
      frame.fromList = t.isWord("FROM");
      frame.expectTable = true;
    } else if (t.isWordIn(Keywords.FROM_LIST_END)) {
      frame.fromList = false;
    } else if (t.isWord("TABLE") && i + 1 < tokens.size() && !symbolAt(i + 1, "(")) {
      return Math.max(tablePrimary(i + 1), i + 1);
    } else if (t.isLive() && symbolAt(i + 1, ".") && nameAt(i + 2)) {
      edits.delete(t.start(), tokens.get(i + 1).end());
      return i + 2;
    }
    return i + 1;
  }

  private void symbol(int i, Frame frame) {
    Token t = tokens.get(i);
    if (t.isSymbol("(")) {
      boolean subquery = i + 1 < tokens.size() && tokens.get(i + 1).isWordIn(Keywords.QUERY_START);
      frames.push(new Frame(!subquery && i > 0 && tokens.get(i - 1).isName()));
    } else if (t.isSymbol(")") && frames.size() > 1) {
      frames.pop();
    } else if (t.isSymbol(",") && frame.fromList) {
      frame.expectTable = true;
    }
  }

  /** Reads what stands in table position at {@code i}; returns the index after it, or {@code i}. */
  private int tablePrimary(int i) {
    Token t = tokens.get(i);
    if (t.isSymbol("(")) {
      Frame inner = new Frame(false);
      inner.expectTable =
          i + 1 < tokens.size() && !tokens.get(i + 1).isWordIn(Keywords.QUERY_START);
      frames.push(inner);
      return i + 1;
    }
    if (t.isWord("STREAM")) {
      return stream(i);
    }
    Found found = source(i, true);
    if (found == null) {
      return i;
    }
    addSite(found, false, t.start());
    return found.next();
  }

  /** {@code STREAM(x)}, {@code STREAM x}, or a dataset that happens to be called stream. */
  private int stream(int i) {
    Token stream = tokens.get(i);
    if (symbolAt(i + 1, "(")) {
      int close = Parens.close(tokens, i + 1);
      Found inner = close < 0 ? null : source(i + 2, false);
      if (inner == null || inner.next() != close) {
        Token at = inner == null ? tokens.get(i + 2) : tokens.get(inner.next());
        throw query.failureAt(
            at,
            "expected a dataset name, read_files(...), read_kafka(...) or read_postgres(...) inside STREAM(...), found "
                + TokenCursor.found(at));
      }
      addSite(new Found(inner.source(), close + 1, true), true, stream.start());
      return close + 1;
    }
    Found inner = source(i + 1, false);
    if (inner != null) {
      addSite(inner, true, stream.start());
      return inner.next();
    }
    Found plain = source(i, true);
    if (plain == null) {
      return i;
    }
    addSite(plain, false, stream.start());
    return plain.next();
  }

  private void addSite(Found found, boolean streaming, int start) {
    int end = tokens.get(found.next() - 1).end();
    boolean keepAsIs = found.next() < tokens.size() && aliasOrNoAliasHere(tokens.get(found.next()));
    sites.add(
        new ReferenceSite(found.source(), streaming || found.streaming(), start, end, keepAsIs));
  }

  /**
   * An alias follows, or a clause that Flink wants between the table and its alias ({@code FOR
   * SYSTEM_TIME AS OF}, {@code MATCH_RECOGNIZE}, {@code TABLESAMPLE}), so none is added.
   */
  private static boolean aliasOrNoAliasHere(Token t) {
    return t.isWord("AS") || t.isName() || t.isWordIn(Keywords.BEFORE_ALIAS);
  }

  /**
   * A name, {@code LIVE.name}, a path, a qualified name, a files call or a read_kafka call at
   * {@code i}, or null.
   */
  private Found source(int i, boolean allowCte) {
    if (i >= tokens.size()) {
      return null;
    }
    Token t = tokens.get(i);
    if ((t.isWord("READ_FILES") || t.isWord("CLOUD_FILES")) && symbolAt(i + 1, "(")) {
      FilesCallParser.FilesCall call = FilesCallParser.parse(query.context(), tokens, i);
      TableSource files =
          new TableSource(ReferenceKind.FILES, call.path(), call.options(), null, t);
      return new Found(files, call.end(), call.streaming());
    }
    if (t.isWord("READ_KAFKA") && symbolAt(i + 1, "(")) {
      KafkaCallParser.KafkaCall call = KafkaCallParser.parse(query.context(), tokens, i);
      TableSource kafka = new TableSource(ReferenceKind.KAFKA, call.name(), call.options(), null, t);
      return new Found(kafka, call.end(), false);
    }
    if (t.isWord("READ_POSTGRES") && symbolAt(i + 1, "(")) {
      KafkaCallParser.KafkaCall call = KafkaCallParser.parsePostgres(query.context(), tokens, i);
      TableSource pg = new TableSource(ReferenceKind.POSTGRES, call.name(), call.options(), null, t);
      return new Found(pg, call.end(), false);
    }
    if (!t.isName()) {
      return null;
    }
    List<Token> parts = new ArrayList<>(List.of(t));
    int last = i;
    while (symbolAt(last + 1, ".") && nameAt(last + 2)) {
      last += 2;
      parts.add(tokens.get(last));
    }
    if (symbolAt(last + 1, "(")) {
      return null;
    }
    TableSource source = classify(parts, allowCte);
    return source == null ? null : new Found(source, last + 1, false);
  }

  private TableSource classify(List<Token> parts, boolean allowCte) {
    Token first = parts.get(0);
    Token last = parts.get(parts.size() - 1);
    if (parts.size() == 1) {
      String name = Names.normalize(first.text());
      return allowCte && cteNames.contains(name)
          ? null
          : new TableSource(ReferenceKind.DATASET, name, Map.of(), first.text(), first);
    }
    if (parts.size() == 2 && first.isLive()) {
      return new TableSource(
          ReferenceKind.DATASET, Names.normalize(last.text()), Map.of(), last.text(), last);
    }
    if (parts.size() == 2
        && (first.isWord("DELTA") || first.isWord("ICEBERG"))
        && last.kind() == TokenKind.QUOTED_NAME
        && Literals.value(last).contains("/")) {
      Map<String, String> format = Map.of("format", first.text().toLowerCase(Locale.ROOT));
      return new TableSource(
          ReferenceKind.TABLE_PATH, Literals.value(last), format, last.text(), first);
    }
    String name =
        parts.subList(first.isLive() ? 1 : 0, parts.size()).stream()
            .map(p -> Names.normalize(p.text()))
            .collect(Collectors.joining("."));
    return new TableSource(ReferenceKind.EXTERNAL_TABLE, name, Map.of(), last.text(), first);
  }

  private boolean symbolAt(int i, String symbol) {
    return i < tokens.size() && tokens.get(i).isSymbol(symbol);
  }

  private boolean nameAt(int i) {
    return i < tokens.size() && tokens.get(i).isName();
  }
}
