package io.sluice.core.sql;

import io.sluice.core.model.TableFormat;
import io.sluice.core.problem.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the clauses after a dataset's name and column list, in any order, each at most once: {@code
 * PARTITIONED BY (a, b)}, {@code COMMENT '...'}, {@code TBLPROPERTIES (...)}, {@code USING DELTA |
 * ICEBERG}; and, warned about and ignored, {@code CLUSTER BY}, {@code LOCATION}, {@code SCHEDULE
 * ...} and {@code TRIGGER ON UPDATE ...}.
 */
final class TableClauseParser {
  private final TokenCursor c;
  private final ParseContext context;
  private final Set<String> seen = new HashSet<>();
  private final List<String> partitionColumns = new ArrayList<>();
  private Optional<String> comment = Optional.empty();
  private Map<String, String> properties = new LinkedHashMap<>();
  private Optional<TableFormat> format = Optional.empty();

  private TableClauseParser(TokenCursor c) {
    this.c = c;
    this.context = c.context();
  }

  /** Reads clauses while there are any; {@code after} says what came before them. */
  static TableClauses parse(TokenCursor c, String after) {
    TableClauseParser parser = new TableClauseParser(c);
    String last = after;
    while (c.peek() != null && c.peek().isWordIn(Keywords.TABLE_CLAUSES)) {
      Token keyword = c.peek();
      if (!parser.seen.add(keyword.upper())) {
        throw c.failureAt(keyword, keyword.upper() + " is given twice");
      }
      parser.clause(keyword);
      last = "the " + keyword.upper() + " clause";
    }
    return new TableClauses(
        parser.partitionColumns, parser.comment, parser.properties, parser.format, last);
  }

  private void clause(Token keyword) {
    c.next();
    switch (keyword.upper()) {
      case "PARTITIONED":
        c.expectWords("BY after PARTITIONED", "BY");
        partitionColumns.addAll(NameList.read(c, "a partition column"));
        break;
      case "COMMENT":
        comment = Optional.of(string("a string after COMMENT"));
        break;
      case "TBLPROPERTIES":
        properties = PropertyListParser.parse(c, "TBLPROPERTIES");
        break;
      case "USING":
        format = Optional.of(format());
        break;
      case "CLUSTER":
        c.expectWords("BY after CLUSTER", "BY");
        if (!c.acceptWords("AUTO") && !c.acceptWords("NONE")) {
          NameList.read(c, "a clustering column");
        }
        ignored(keyword, "the table layout is chosen by the table format");
        break;
      case "LOCATION":
        string("a path after LOCATION");
        ignored(keyword, "tables are stored under the pipeline's storage root");
        break;
      default:
        skipSchedule();
        ignored(keyword, "the pipeline's trigger decides when it is refreshed");
    }
  }

  private TableFormat format() {
    Token t = c.peek();
    if (t == null || t.kind() != TokenKind.WORD) {
      throw c.failure("DELTA or ICEBERG after USING");
    }
    c.next();
    return TableFormat.parse(t.text())
        .orElseThrow(
            () ->
                new ParseFailure(
                    ErrorCode.UNSUPPORTED_FEATURE,
                    context.locate(t),
                    "Cannot store a dataset as '"
                        + t.text()
                        + "': the supported table formats are DELTA and ICEBERG",
                    "Write USING DELTA or USING ICEBERG, or leave USING out for the pipeline's"
                        + " default format."));
  }

  /** SCHEDULE / TRIGGER take free-form words; skip them up to the next clause or AS. */
  private void skipSchedule() {
    while (!c.atEnd() && !c.atWords("AS") && !c.peek().isWordIn(Keywords.TABLE_CLAUSES)) {
      c.seek(c.atSymbol("(") ? c.matchingClose(c.position()) + 1 : c.position() + 1);
    }
  }

  private void ignored(Token keyword, String reason) {
    context.warn(
        ErrorCode.UNSUPPORTED_FEATURE,
        keyword,
        "Cannot apply " + keyword.upper() + " to a dataset in Sluice: " + reason,
        "Remove the " + keyword.upper() + " clause; it is ignored.");
  }

  private String string(String expected) {
    Token t = c.peek();
    if (t == null || !t.isStringLiteral()) {
      throw c.failure(expected);
    }
    return Literals.value(c.next());
  }
}
