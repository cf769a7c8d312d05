package io.sluice.runtime.translate;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.text.MappedText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an exception from Flink's parser or planner into a {@link Problem} located in the
 * definition file: Flink reports positions in the rewritten SQL it was given ("at line 2, column
 * 5", "From line 1, column 8 to ..."), which {@link MappedText} maps back to what the user wrote.
 */
final class PlannerErrors {
  private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");
  private static final Pattern PREFIX =
      Pattern.compile("^(SQL (validation|parse) failed\\. )?(From line \\d+, column \\d+ to line \\d+, column \\d+: )?");

  /** "Encountered "day"" where a name was expected: a reserved word used as a name. */
  private static final Pattern RESERVED = Pattern.compile("^Encountered \"([A-Za-z_]+)\"");

  private PlannerErrors() {}

  static Problem toProblem(Throwable error, MappedText sql, String what) {
    Throwable cause = error;
    String message = firstLine(cause.getMessage());
    while ((message == null || message.isBlank()) && cause.getCause() != null) {
      cause = cause.getCause();
      message = firstLine(cause.getMessage());
    }
    SourceLocation at = sql.start();
    Matcher m = POSITION.matcher(message == null ? "" : message);
    if (m.find()) {
      at = sql.locate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    String detail = PREFIX.matcher(message == null ? cause.toString() : message).replaceFirst("");
    detail = detail.replaceAll(" at line \\d+, column \\d+\\.?", "");
    return Problem.error(ErrorCode.QUERY_INVALID, at, "Cannot plan " + what + ": " + detail, action(detail));
  }

  private static String action(String detail) {
    if (detail.contains("doesn't support consuming update changes")) {
      return "A streaming table only appends rows, but this query updates earlier results (an aggregation"
          + " or join without a time window). Make the dataset a materialized view, or aggregate over a"
          + " window with a watermark.";
    }
    if (detail.contains("not found")) {
      return "Check the spelling of the name against the dataset's columns or the pipeline's datasets.";
    }
    Matcher word = RESERVED.matcher(detail);
    if (word.find()) {
      return "'" + word.group(1) + "' is a reserved word in Flink SQL: write it in backticks (`"
          + word.group(1) + "`) where it names a column or table.";
    }
    if (detail.startsWith("Encountered")) {
      return "Fix the SQL syntax at this position (the query language is Flink SQL).";
    }
    return "Fix the query (the query language is Flink SQL).";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return null;
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
