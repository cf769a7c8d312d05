package io.sluice.runtime.source;

import io.sluice.connectors.cdc.postgres.PostgresCdcInput;
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
 * _lsn}, {@code _commit_ts}, {@code _table} (see the postgres-cdc connector). Continuous runs only
 * for now: the source does not yet tell when it has caught up, which a triggered run needs.
 *
 * <p>The password (and any option) may be {@code ${env:NAME}} or {@code ${file:PATH}}: resolved
 * here when connecting, so the value is never in the definition, the input's spec (whose options
 * are part of the flow's fingerprint) or a message. The replication slot is named after the
 * pipeline, the flow and the table unless {@code slotName} says otherwise.
 */
public final class PostgresInputs {
  private static final Pattern SECRET = Pattern.compile("\\$\\{(env|file):([^}]+)}");
  private static final Map<String, String> NAMES = Map.of("hostname", "hostname", "host", "hostname",
      "port", "port", "database", "database-name", "username", "username", "user", "username",
      "password", "password", "slotname", "slot.name", "publicationname", "publication.name",
      "startup", "scan.startup.mode");

  private PostgresInputs() {}

  /** Resolves a read_postgres reference and reads the table's schema from the server. */
  public static InputSpec resolve(Reference ref, String pipeline, String flow, boolean bounded, boolean continuous) {
    if (bounded || !continuous) {
      throw new IllegalArgumentException("Cannot read PostgreSQL changes of '" + ref.name() + "' in flow '"
          + flow + "' in a triggered run yet: the change stream does not tell when it has caught up."
          + " Run the pipeline with mode: continuous (or sluice run --continuous).");
    }
    Map<String, String> options = connectorOptions(ref, pipeline, flow);
    PostgresCdcInput input = input(options);
    return new InputSpec(InputKind.POSTGRES, "postgres:" + ref.name(), input.producedType(), true, options,
        "postgres-" + Uids.key(ref.name()));
  }

  static Source<RowData, ?, ?> source(InputSpec spec) {
    return input(spec.options()).build();
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
      if (lower.equals("table")) {
        String[] parts = value.trim().split("\\.", 2);
        options.put("schema-name", parts.length == 2 ? parts[0] : "public");
        options.put("table-name", parts.length == 2 ? parts[1] : parts[0]);
      } else if (NAMES.containsKey(lower)) {
        options.put(NAMES.get(lower), value);
      } else {
        throw new IllegalArgumentException("Cannot use read_postgres argument '" + name + "': unknown. Use "
            + "hostname, port, database, table, username, password, slotName, publicationName or startup.");
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
