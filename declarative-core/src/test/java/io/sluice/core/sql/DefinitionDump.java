package io.sluice.core.sql;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.Flow;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.Sink;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.TableSpec;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders a parse result as stable text, for golden files. */
final class DefinitionDump {
  private final StringBuilder out = new StringBuilder();

  static String of(DefinitionSet set, List<Problem> problems) {
    DefinitionDump dump = new DefinitionDump();
    set.datasets().forEach(dump::dataset);
    set.flows().forEach(dump::flow);
    if (!set.settings().isEmpty()) {
      dump.line(0, "settings " + new TreeMap<>(set.settings()));
    }
    problems.forEach(p -> dump.line(0, p.severity() + " " + p.code() + " " + at(p.location())));
    return dump.out.toString();
  }

  private void dataset(Dataset d) {
    String visibility = "";
    if (d instanceof StreamingTable t) {
      visibility = " " + t.visibility();
    } else if (d instanceof MaterializedView m) {
      visibility = " " + m.visibility();
    }
    line(0, d.kind().label() + " " + d.name() + visibility + " " + at(d.location()));
    if (d instanceof Sink s) {
      line(1, "format " + s.format() + " options " + new TreeMap<>(s.options()));
    }
    spec(d.spec());
    if (d instanceof TemporaryView v) {
      query(v.query());
    }
  }

  private void spec(TableSpec spec) {
    spec.comment().ifPresent(c -> line(1, "comment " + c));
    if (!spec.properties().isEmpty()) {
      line(1, "properties " + new TreeMap<>(spec.properties()));
    }
    spec.format().ifPresent(f -> line(1, "format " + f));
    if (!spec.partitionColumns().isEmpty()) {
      line(1, "partitioned by " + spec.partitionColumns());
    }
    for (ColumnSpec c : spec.columns()) {
      line(
          1,
          "column "
              + c.name()
              + " "
              + c.type()
              + (c.notNull() ? " NOT NULL" : "")
              + c.comment().map(x -> " comment " + x).orElse("")
              + " "
              + at(c.location()));
    }
    for (Expectation e : spec.expectations()) {
      line(
          1,
          "expect ["
              + e.name()
              + "] "
              + e.action()
              + " ("
              + e.predicate().text()
              + ") "
              + at(e.location()));
    }
    spec.watermark()
        .ifPresent(
            w ->
                line(
                    1,
                    "watermark "
                        + w.column()
                        + " AS "
                        + w.expression().text()
                        + " "
                        + at(w.location())));
  }

  private void flow(Flow f) {
    QueryFlow q = (QueryFlow) f;
    line(
        0,
        "flow "
            + q.name()
            + " -> "
            + q.target()
            + (q.implicit() ? " implicit" : "")
            + (q.once() ? " once" : "")
            + " "
            + at(q.location()));
    query(q.query());
  }

  private void query(Query query) {
    line(1, "sql " + query.sql().text().replace("\n", "\n      "));
    for (Reference r : query.references()) {
      Map<String, String> options = new TreeMap<>(r.options());
      line(
          1,
          "reads "
              + r.kind()
              + " "
              + r.name()
              + (r.streaming() ? " streaming" : "")
              + " as `"
              + r.placeholder()
              + "`"
              + (options.isEmpty() ? "" : " " + options)
              + " "
              + at(r.location()));
    }
  }

  private static String at(io.sluice.core.model.SourceLocation location) {
    return "@" + location.line() + ":" + location.column();
  }

  private void line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }
}
