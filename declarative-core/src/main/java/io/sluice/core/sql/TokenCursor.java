package io.sluice.core.sql;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import java.util.List;

/**
 * Walks the significant tokens of one statement (or of a part of it) and builds syntax errors that
 * name what was expected and what was found, at the offending token.
 */
final class TokenCursor {
  private static final int FOUND_MAX = 40;

  private final ParseContext context;
  private final List<Token> tokens;
  private final int endOffset;
  private String subject;
  private int index;

  TokenCursor(ParseContext context, List<Token> tokens, int endOffset, String subject) {
    this.context = context;
    this.tokens = tokens;
    this.endOffset = endOffset;
    this.subject = subject;
  }

  static TokenCursor of(ParseContext context, Statement statement, String subject) {
    return new TokenCursor(context, statement.tokens(), statement.endOffset(), subject);
  }

  ParseContext context() {
    return context;
  }

  /** What error messages say is being parsed, for example {@code CREATE STREAMING TABLE}. */
  void subject(String newSubject) {
    this.subject = newSubject;
  }

  boolean atEnd() {
    return index >= tokens.size();
  }

  /** The current token, or null at the end. */
  Token peek() {
    return peek(0);
  }

  Token peek(int ahead) {
    int i = index + ahead;
    return i < tokens.size() ? tokens.get(i) : null;
  }

  Token next() {
    if (atEnd()) {
      throw failure("more");
    }
    return tokens.get(index++);
  }

  int position() {
    return index;
  }

  void seek(int position) {
    this.index = position;
  }

  List<Token> tokens() {
    return tokens;
  }

  /** A cursor over the tokens left, with the same subject; this cursor moves to the end. */
  TokenCursor rest() {
    TokenCursor rest =
        new TokenCursor(context, tokens.subList(index, tokens.size()), endOffset, subject);
    index = tokens.size();
    return rest;
  }

  /** Whether the next tokens are these words, in this order. */
  boolean atWords(String... words) {
    for (int i = 0; i < words.length; i++) {
      Token t = peek(i);
      if (t == null || !t.isWord(words[i])) {
        return false;
      }
    }
    return true;
  }

  boolean acceptWords(String... words) {
    if (!atWords(words)) {
      return false;
    }
    index += words.length;
    return true;
  }

  void expectWords(String expected, String... words) {
    if (!acceptWords(words)) {
      throw failure(expected);
    }
  }

  boolean atSymbol(String symbol) {
    Token t = peek();
    return t != null && t.isSymbol(symbol);
  }

  boolean acceptSymbol(String symbol) {
    if (!atSymbol(symbol)) {
      return false;
    }
    index++;
    return true;
  }

  Token expectSymbol(String symbol, String expected) {
    if (!atSymbol(symbol)) {
      throw failure(expected);
    }
    return tokens.get(index++);
  }

  /** Index of the {@code )} that closes the {@code (} at {@code open}, or -1. */
  int matchingClose(int open) {
    return Parens.close(tokens, open);
  }

  /** "Cannot parse SUBJECT: expected X, found Y" at the current token. */
  ParseFailure failure(String expected) {
    return failureAt(peek(), "expected " + expected + ", found " + found(peek()));
  }

  ParseFailure failureAt(Token at, String detail) {
    return new ParseFailure(
        ErrorCode.SQL_SYNTAX,
        locate(at),
        "Cannot parse " + subject + ": " + detail,
        "Correct the statement; it is left out of the pipeline until it parses.");
  }

  SourceLocation locate(Token at) {
    return at == null ? context.locate(endOffset) : context.locate(at);
  }

  static String found(Token t) {
    if (t == null) {
      return "the end of the statement";
    }
    String text =
        t.text().length() > FOUND_MAX ? t.text().substring(0, FOUND_MAX) + "..." : t.text();
    return "'" + text.replace('\n', ' ') + "'";
  }
}
