package io.sluice.core.sql;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits SQL text into tokens, white space and comments included, each with its offsets.
 *
 * <p>Single-quoted strings follow Flink and standard SQL ({@code ''} is a quote, a backslash is an
 * ordinary character); double-quoted strings are Spark string literals (backslash escapes). A
 * string or backticked name that is never closed is reported once and ends at the end of its line,
 * so the rest of the file is still read.
 */
final class SqlLexer {
  private static final Pattern SEPARATOR = Pattern.compile("--\\s*COMMAND\\s*-{3,}\\s*");
  private static final String[] LONG_SYMBOLS = {
    "<=>", "=>", "<=", ">=", "<>", "!=", "==", "||", "::"
  };

  private final MappedText text;
  private final String s;
  private final Problems problems;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private SqlLexer(MappedText text, Problems problems) {
    this.text = text;
    this.s = text.text();
    this.problems = problems;
  }

  static List<Token> tokenize(MappedText text, Problems problems) {
    SqlLexer lexer = new SqlLexer(text, problems);
    while (lexer.pos < lexer.s.length()) {
      lexer.next();
    }
    return lexer.tokens;
  }

  /** Only the tokens that are not white space or comments. */
  static List<Token> significant(List<Token> tokens) {
    return tokens.stream().filter(t -> !t.kind().isTrivia()).toList();
  }

  private void next() {
    char c = s.charAt(pos);
    if (isBlank(c)) {
      emit(TokenKind.WHITESPACE, scanWhile(pos, SqlLexer::isBlank), false);
    } else if (c == '-' && at(pos + 1) == '-') {
      lineComment();
    } else if (c == '/' && at(pos + 1) == '*') {
      blockComment();
    } else if (c == '\'') {
      quoted(TokenKind.STRING, '\'', false);
    } else if (c == '"') {
      quoted(TokenKind.DOUBLE_STRING, '"', true);
    } else if (c == '`') {
      quoted(TokenKind.QUOTED_NAME, '`', false);
    } else if (Character.isLetter(c) || c == '_') {
      emit(
          TokenKind.WORD,
          scanWhile(pos, ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '$'),
          false);
    } else if (Character.isDigit(c)) {
      number();
    } else {
      symbol();
    }
  }

  private void lineComment() {
    int end = s.indexOf('\n', pos);
    end = end < 0 ? s.length() : end;
    String comment = s.substring(pos, end);
    emit(
        SEPARATOR.matcher(comment).matches() ? TokenKind.SEPARATOR : TokenKind.COMMENT, end, false);
  }

  private void blockComment() {
    int close = s.indexOf("*/", pos + 2);
    if (close < 0) {
      problems.error(
          ErrorCode.SQL_SYNTAX,
          text.locate(pos),
          "Cannot parse comment: the '/*' opened here is never closed",
          "Close the comment with '*/'.");
      emit(TokenKind.COMMENT, s.length(), true);
    } else {
      emit(TokenKind.COMMENT, close + 2, false);
    }
  }

  private void quoted(TokenKind kind, char quote, boolean backslashEscapes) {
    int i = pos + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n' && runaway(kind, i)) {
        break;
      }
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote && at(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        emit(kind, i + 1, false);
        return;
      } else {
        i++;
      }
    }
    unclosed(kind, quote);
  }

  /**
   * Whether a string or name still open at the newline at {@code i} was most likely never closed:
   * names do not span lines, and a string line that ends with {@code ;} or is followed by a
   * notebook cell separator is where a statement ended.
   */
  private boolean runaway(TokenKind kind, int i) {
    if (kind == TokenKind.QUOTED_NAME) {
      return true;
    }
    int lineStart = Math.max(s.lastIndexOf('\n', i - 1) + 1, pos);
    if (s.substring(lineStart, i).strip().endsWith(";")) {
      return true;
    }
    int nextEnd = s.indexOf('\n', i + 1);
    return SEPARATOR.matcher(s.substring(i + 1, nextEnd < 0 ? s.length() : nextEnd)).matches();
  }

  private void unclosed(TokenKind kind, char quote) {
    String what = kind == TokenKind.QUOTED_NAME ? "name" : "string";
    problems.error(
        ErrorCode.SQL_SYNTAX,
        text.locate(pos),
        "Cannot parse " + what + ": the " + quote + " opened here is never closed",
        "Close the "
            + what
            + " with "
            + quote
            + " (write "
            + quote
            + quote
            + " for a "
            + quote
            + " inside it).");
    int lineEnd = s.indexOf('\n', pos);
    emit(kind, lineEnd < 0 ? s.length() : lineEnd, true);
  }

  private void number() {
    int i = scanWhile(pos, Character::isDigit);
    if (at(i) == '.' && Character.isDigit(at(i + 1))) {
      i = scanWhile(i + 1, Character::isDigit);
    }
    if ((at(i) == 'e' || at(i) == 'E')
        && (Character.isDigit(at(i + 1))
            || ((at(i + 1) == '-' || at(i + 1) == '+') && Character.isDigit(at(i + 2))))) {
      i = scanWhile(i + 2, Character::isDigit);
    }
    emit(TokenKind.NUMBER, scanWhile(i, Character::isLetter), false);
  }

  private void symbol() {
    for (String symbol : LONG_SYMBOLS) {
      if (s.startsWith(symbol, pos)) {
        emit(TokenKind.SYMBOL, pos + symbol.length(), false);
        return;
      }
    }
    emit(TokenKind.SYMBOL, pos + 1, false);
  }

  /** White space, and the byte order mark some editors put at the start of a file. */
  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || c == '\uFEFF';
  }

  private int scanWhile(int from, CharTest test) {
    int i = from;
    while (i < s.length() && test.matches(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private char at(int i) {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void emit(TokenKind kind, int end, boolean broken) {
    tokens.add(new Token(kind, pos, end, s.substring(pos, end), broken));
    pos = end;
  }

  private interface CharTest {
    boolean matches(char c);
  }
}
