package io.sluice.runtime.source;

import io.sluice.connectors.cdc.postgres.PostgresCdcInput;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.connectors.progress.PublishGate;
import io.sluice.core.model.Reference;
import io.sluice.runtime.translate.Uids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.table.data.RowData;

/**
 * A PostgreSQL table's changes read with {@code read_postgres(hostname => 'db', database =>
 * 'shop', table => 'public.orders', username => 'cdc', password => '${env:PG_PASSWORD}')}: its
 * initial snapshot, then its changes, as rows with the table's columns and {@code _op}, {@code
 * _lsn}, {@code _commit_ts}, {@code _table} (see the postgres-cdc connector). Always read as a
 * stream, in continuous and in triggered runs; not in a flow that runs as a batch job.
 *
 * <p>A triggered run is the continuous job, stopped with a savepoint once the source has caught
 * up (see {@link InputSources}); the WAL position is in the flow's savepoint, so the next run,
 * triggered or continuous, continues right after it, and a first run reads the snapshot. The
 * catch-up point is taken when the stream reader starts (at job start, or when the first run's
 * snapshot is done): the source writes a logical decoding message ({@code
 * pg_logical_emit_message}, allowed to every user by default) and has caught up once it has read
 * the WAL up to that message, that is every change committed before. The message is in the WAL
 * even when the captured tables have no new changes, so a run with nothing to read ends too
 * (comparing with {@code pg_current_wal_lsn()} would not: pgoutput sends nothing for other
 * tables, and the position of the last change sent may stay below it forever). The replication
 * slot's confirmed position moves only with the checkpoint that publishes the run's output (the
 * flow's publish gate), so the server keeps the WAL a failed run needs and frees it after a
 * successful one.
 *
 * <p>The password (and any option) may be {@code ${env:NAME}} or {@code ${file:PATH}}: resolved
 * here when connecting, so the value is never in the definition, the input's spec (whose options
 * are part of the flow's fingerprint) or a message. The replication slot is named after the
 * pipeline, the flow and the table unless {@code slotName} says otherwise.
 */
public final class PostgresInputs {
  private static final Pattern SECRET = Pattern.compile("\\$\\{(env|file):([^}]+)}");
  private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("hostname", "hostname"),
      Map.entry("host", "hostname"), Map.entry("port", "port"), Map.entry("database", "database-name"),
      Map.entry("username", "username"), Map.entry("user", "username"), Map.entry("password", "password"),
      Map.entry("slotname", "slot.name"), Map.entry("publicationname", "publication.name"),
      Map.entry("startup", "scan.startup.mode"), Map.entry("heartbeatinterval", "heartbeat.interval.ms"));

  private PostgresInputs() {}

  /** Resolves a read_postgres reference and reads the table's schema from the server. */
  public static InputSpec resolve(Reference ref, String pipeline, String flow, boolean bounded) {
    if (bounded) {
      throw new IllegalArgumentException("Cannot read PostgreSQL changes of '" + ref.name() + "' in flow '"
          + flow + "': the flow runs as a batch job (a materialized view recomputed in a triggered run,"
          + " or INSERT INTO ONCE), and changes are read as a stream. Read them into a streaming table"
          + " with STREAM read_postgres(...), and let this flow read that table.");
    }
    Map<String, String> options = connectorOptions(ref, pipeline, flow);
    PostgresCdcInput input = input(options);
    if (options.get("table-name").contains("*")) {
      // the tables a pattern matches now: the flow's definition (and fingerprint) lists them
      input.expandTablePatterns();
      options.put("schema-name", String.join(",", input.schemas()));
      options.put("table-name", String.join(",", input.tables()));
    }
    return new InputSpec(InputKind.POSTGRES, "postgres:" + ref.name(), input.producedType(), true, options,
        "postgres-" + Uids.key(ref.name()));
  }

  /**
   * The source; with a marker (a triggered run) it marks its catch-up and moves the slot only at
   * checkpoints the flow's publish gate lets through.
   */
  static Source<RowData, ?, ?> source(InputSpec spec, CatchUpMarker marker, PublishGate slotGate) {
    return input(spec.options()).catchUpMarker(marker).slotCommitGate(slotGate).build();
  }

  private static PostgresCdcInput input(Map<String, String> options) {
    Map<String, String> resolved = new LinkedHashMap<>();
    options.forEach((k, v) -> resolved.put(k, secret(v)));
    return PostgresCdcInput.builder().options(resolved);
  }

  private static Map<String, String> connectorOptions(Reference ref, String pipeline, String flow) {
    Map<String, String> options = new LinkedHashMap<>();
    ref.options().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("table") || lower.equals("tables")) {
        if (options.containsKey("table-name")) {
          throw new IllegalArgumentException("Cannot use both table and tables in read_postgres: list every"
              + " table in tables => 'schema.a, schema.b'.");
        }
        tables(value, options);
      } else if (NAMES.containsKey(lower)) {
        options.put(NAMES.get(lower), value);
      } else {
        throw new IllegalArgumentException("Cannot use read_postgres argument '" + name + "': unknown. Use "
            + "hostname, port, database, table (or tables), username, password, slotName, publicationName,"
            + " startup or heartbeatInterval.");
      }
    });
    for (String required : List.of("hostname", "database-name", "table-name", "username")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("Cannot read PostgreSQL changes: no " + required.replace("-name", "")
            + ". Add " + required.replace("-name", "").replace("table", "table => 'schema.table'") + " => ...");
      }
    }
    options.putIfAbsent("slot.name", slotName(pipeline, flow, ref.name()));
    return options;
  }

  /**
   * {@code 'schema.table'}, or several separated by commas (one reader, one slot: rows of every
   * table in one layout, told apart by {@code _table}); an unqualified table is in {@code public}.
   */
  private static void tables(String value, Map<String, String> options) {
    java.util.Set<String> schemas = new java.util.LinkedHashSet<>();
    List<String> tables = new java.util.ArrayList<>();
    for (String item : value.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      String[] parts = item.trim().split("\\.", 2);
      String schema = parts.length == 2 ? parts[0] : "public";
      schemas.add(schema);
      tables.add(schema + "." + (parts.length == 2 ? parts[1] : parts[0]));
    }
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("Cannot read PostgreSQL changes: no table. Add table => 'schema.table'"
          + " or tables => 'schema.a, schema.b'.");
    }
    options.put("schema-name", String.join(",", schemas));
    options.put("table-name", tables.size() == 1 ? tables.get(0).substring(tables.get(0).indexOf('.') + 1)
        : String.join(",", tables));
  }

  /** A valid, stable slot name: lower-case letters, digits and underscores, at most 63 characters. */
  static String slotName(String pipeline, String flow, String table) {
    String name = ("sluice_" + pipeline + "_" + flow).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    String hash = Uids.fingerprint(pipeline, flow, table).substring(0, 8);
    return (name.length() > 54 ? name.substring(0, 54) : name) + "_" + hash;
  }

  /** {@code ${env:NAME}} or {@code ${file:PATH}} inside a value, replaced; the value otherwise. */
  private static String secret(String value) {
    Matcher m = SECRET.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String what = m.group(2).trim();
      String resolved;
      if (m.group(1).equals("env")) {
        resolved = System.getenv(what);
        if (resolved == null) {
          throw new IllegalArgumentException("Cannot read the secret ${env:" + what + "}: the environment"
              + " variable " + what + " is not set. Set it where sluice runs.");
        }
      } else {
        try {
          resolved = Files.readString(Path.of(what)).strip();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read the secret ${file:" + what + "}: " + e.getClass().getSimpleName()
              + ". Check that the file exists and is readable.", new IOException("(details withheld)"));
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(resolved));
    }
    m.appendTail(out);
    return out.toString();
  }
}
