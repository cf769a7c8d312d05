package io.sluice.core.sql;

import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.TableSpec;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.ErrorCode;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code CREATE ... STREAMING TABLE | MATERIALIZED VIEW | TEMPORARY VIEW | VIEW name [(elements)]
 * [clauses] [AS query]}. Only a streaming table may leave out the query (flows fill it). A
 * streaming table or materialized view with a query gets its implicit flow, named like the dataset;
 * a view keeps its query itself.
 */
final class DatasetStatementParser {
  private DatasetStatementParser() {}

  static void parse(TokenCursor c, CreateHeader header, DefinitionsBuilder out) {
    CreateHeader.Kind kind = header.kind();
    boolean view = kind == CreateHeader.Kind.TEMPORARY_VIEW || kind == CreateHeader.Kind.VIEW;
    DefinedName name =
        DefinedName.read(
            c, "the " + header.label().substring("CREATE ".length()).toLowerCase(Locale.ROOT));
    TableElements elements =
        c.atSymbol("(") ? TableElementParser.parse(c, view) : TableElements.NONE;
    TableClauses clauses =
        TableClauseParser.parse(c, elements == TableElements.NONE ? "the name" : "the column list");
    boolean queryOptional = kind == CreateHeader.Kind.STREAMING_TABLE;
    if (!c.atWords("AS") && (!c.atEnd() || !queryOptional)) {
      throw c.failure(
          (queryOptional ? "AS or the end of the statement" : "AS and a query")
              + " after "
              + clauses.last());
    }
    Optional<Query> query =
        c.acceptWords("AS") ? Optional.of(QueryRewriter.rewrite(c)) : Optional.empty();
    if (name.valid()) {
      TableSpec spec =
          new TableSpec(
              elements.columns(),
              elements.expectations(),
              elements.watermark(),
              clauses.partitionColumns(),
              clauses.comment(),
              clauses.properties(),
              clauses.format());
      add(new Definition(header, name, spec, query), c.context(), out);
    }
  }

  /** A dataset statement that parsed, ready to become model objects. */
  private record Definition(
      CreateHeader header, DefinedName name, TableSpec spec, Optional<Query> query) {}

  private static void add(Definition d, ParseContext context, DefinitionsBuilder out) {
    String name = d.name().name();
    SourceLocation at = context.locate(d.name().token());
    CreateHeader.Kind kind = d.header().kind();
    if (kind == CreateHeader.Kind.STREAMING_TABLE) {
      out.add(new StreamingTable(name, d.spec(), d.header().visibility(), at));
    } else if (kind == CreateHeader.Kind.MATERIALIZED_VIEW) {
      out.add(new MaterializedView(name, d.spec(), d.header().visibility(), at));
    } else {
      if (kind == CreateHeader.Kind.VIEW) {
        context.warn(
            ErrorCode.UNSUPPORTED_FEATURE,
            d.name().token(),
            "Cannot publish view '"
                + name
                + "' yet: it is created as a temporary view,"
                + " visible only inside the pipeline",
            "Write CREATE TEMPORARY VIEW, or CREATE MATERIALIZED VIEW to publish the result.");
      }
      out.add(new TemporaryView(name, d.spec(), d.query().orElseThrow(), at));
      return;
    }
    d.query().ifPresent(q -> out.add(new QueryFlow(name, name, q, false, true, at)));
  }
}
