package io.sluice.core.yaml;

import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.text.MappedText;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML flow's {@code auto_cdc:} block, with the arguments of DLT's {@code create_auto_cdc_flow}
 * (and {@code snapshot:} instead of {@code source:} for {@code create_auto_cdc_from_snapshot_flow}):
 *
 * <pre>
 * flows:
 *   - name: customers_cdc
 *     target: customers
 *     auto_cdc:
 *       source: STREAM(customers_raw)          # or snapshot: crm_customers
 *       keys: [id]
 *       sequence_by: sequence_num
 *       apply_as_deletes: operation = 'DELETE'
 *       except_column_list: [operation, sequence_num]
 *       stored_as_scd_type: 2
 * </pre>
 *
 * The block is written out as an AUTO CDC statement whose every expression keeps its place in
 * the YAML file, and read by the SQL parser, so both forms mean and check the same.
 */
final class YamlChangeFlow {
  static final Set<String> KEYS = Set.of("source", "snapshot", "keys", "sequence_by", "ignore_null_updates",
      "apply_as_deletes", "apply_as_truncates", "column_list", "except_column_list", "stored_as_scd_type",
      "track_history_column_list", "track_history_except_column_list");

  private YamlChangeFlow() {}

  static Optional<Flow> read(YamlMap flow, YamlMap a, String name, String target, boolean once, QuerySyntax syntax) {
    a.rejectUnknownKeys(KEYS, ErrorCode.YAML_UNKNOWN_KEY, "an auto_cdc block");
    boolean snapshot = a.has("snapshot");
    Optional<MappedText> source = a.text(snapshot ? "snapshot" : "source");
    if (source.isEmpty()) {
      a.problems().error(ErrorCode.YAML_MISSING_KEY, a.location(),
          "Cannot read the auto_cdc block of flow '" + name + "': key 'source' (or 'snapshot') is missing",
          "Add 'source: STREAM(dataset)' with the change events, or 'snapshot: table' with full snapshots.");
      return Optional.empty();
    }
    int origin = source.get().originOf(0);
    MappedText.Builder sql = MappedText.builder(a.file());
    sql.insert("AUTO CDC INTO " + quote(target) + " FROM " + (snapshot ? "SNAPSHOT " : ""), origin);
    append(sql, source.get());
    sql.insert(" KEYS (" + names(a.stringList("keys", ErrorCode.YAML_INVALID_VALUE)) + ")", origin);
    if (a.bool("ignore_null_updates", ErrorCode.YAML_INVALID_VALUE).orElse(false)) {
      sql.insert(" IGNORE NULL UPDATES", origin);
    }
    clause(sql, a, "apply_as_deletes", " APPLY AS DELETE WHEN ", origin);
    clause(sql, a, "apply_as_truncates", " APPLY AS TRUNCATE WHEN ", origin);
    clause(sql, a, "sequence_by", " SEQUENCE BY ", origin);
    if (a.has("column_list")) {
      sql.insert(" COLUMNS " + names(a.stringList("column_list", ErrorCode.YAML_INVALID_VALUE)), origin);
    }
    if (a.has("except_column_list")) {
      sql.insert(" COLUMNS * EXCEPT (" + names(a.stringList("except_column_list", ErrorCode.YAML_INVALID_VALUE))
          + ")", origin);
    }
    a.string("stored_as_scd_type").ifPresent(t -> sql.insert(" STORED AS SCD TYPE " + t.strip(), origin));
    if (a.has("track_history_column_list")) {
      sql.insert(" TRACK HISTORY ON "
          + names(a.stringList("track_history_column_list", ErrorCode.YAML_INVALID_VALUE)), origin);
    }
    if (a.has("track_history_except_column_list")) {
      sql.insert(" TRACK HISTORY ON * EXCEPT ("
          + names(a.stringList("track_history_except_column_list", ErrorCode.YAML_INVALID_VALUE)) + ")", origin);
    }
    MappedText statement = syntax.substitute(sql.build(), a.problems());
    return syntax.changeFlow(statement, a.problems()).map(f -> new QueryFlow(name, f.target(), f.query(), once,
        false, flow.at("name"), f.changes()));
  }

  private static void clause(MappedText.Builder sql, YamlMap a, String key, String keywords, int origin) {
    a.text(key).ifPresent(expression -> {
      sql.insert(keywords, origin);
      append(sql, expression);
    });
  }

  private static void append(MappedText.Builder sql, MappedText text) {
    sql.append(text, 0, text.length());
  }

  private static String names(List<String> names) {
    return String.join(", ", names.stream().map(YamlChangeFlow::quote).toList());
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
