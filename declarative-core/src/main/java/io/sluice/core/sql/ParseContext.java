package io.sluice.core.sql;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;

/**
 * What every part of the SQL parser shares while reading one file: the parameter-substituted text
 * (which maps every character back to the file) and the problems collected so far.
 */
record ParseContext(MappedText text, Problems problems) {

  SourceLocation locate(Token token) {
    return text.locate(token.start());
  }

  SourceLocation locate(int offset) {
    return text.locate(offset);
  }

  /** The text as written from the start of {@code first} to the end of {@code last}. */
  String source(Token first, Token last) {
    return text.text().substring(first.start(), last.end());
  }

  void warn(ErrorCode code, Token at, String message, String action) {
    problems.warning(code, locate(at), message, action);
  }

  void error(ErrorCode code, Token at, String message, String action) {
    problems.error(code, locate(at), message, action);
  }
}
