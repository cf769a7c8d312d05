package io.sluice.connectors.cdc.postgres;

import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.connectors.progress.PublishGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.cdc.connectors.base.options.StartupOptions;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Builds an unbounded source of the changes of PostgreSQL tables: Flink CDC's incremental-snapshot
 * {@code PostgresIncrementalSource}, reading the tables as they are (startup {@code initial}, the
 * default) and then their changes from a logical replication slot with the built-in {@code
 * pgoutput} plugin. Each change is one row of kind INSERT: the table's columns, then {@code _op}
 * (INSERT, UPDATE, DELETE), {@code _lsn}, {@code _commit_ts} and {@code _table}, see {@link
 * MetadataColumn}. An UPDATE carries the new values; a DELETE the key (every column with REPLICA
 * IDENTITY FULL).
 *
 * <p>One source captures several tables through one slot and one reader of the WAL. Its rows have
 * one type, the union of the tables' columns ({@link #producedType()}); the rows of a table are
 * those whose {@code _table} is its {@link CapturedTable#qualifiedName()}, and its own columns are
 * {@link CapturedTable#rowType()}. Tables need a primary key. The columns and their types are read
 * from the catalog ({@link #discoverTables()}), or given with {@link #capturedTables(List)} so that
 * the schema a plan was made with is the one the job reads.
 *
 * <p>The source is exactly once with Flink checkpoints: a restored source continues from the WAL
 * position in its checkpoint or savepoint, whatever {@link #startup} says. One exception is
 * allowed on purpose: when a quiet period left the position at a commit, it is stored one LSN
 * lower, so a restore may deliver at most one change a second time (same {@code _lsn}; AUTO CDC
 * ignores it) but never loses the next one (see {@code CatchUpEmitter}). The password is never
 * logged nor put into a message; {@link #toString()} masks it.
 */
public final class PostgresCdcInput {
  public static final int DEFAULT_PORT = 5432;
  public static final String DEFAULT_SCHEMA = "public";
  public static final String PGOUTPUT = "pgoutput";
  private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
  /** How often an idle stream reader moves its position by default (Flink CDC's default). */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
  /** The longest heartbeat of a triggered run: how soon an idle reader sees its catch-up. */
  static final Duration CATCH_UP_HEARTBEAT = Duration.ofMillis(500);

  private String hostname;
  private int port = DEFAULT_PORT;
  private String database;
  private final List<String> schemas = new ArrayList<>();
  private final List<String> tables = new ArrayList<>();
  private String username;
  private String password;
  private String slotName;
  private String publicationName;
  private Startup startup = Startup.INITIAL;
  private Duration heartbeat = DEFAULT_HEARTBEAT;
  private List<CapturedTable> capturedTables;
  private CatchUpMarker marker = CatchUpMarker.none();
  private PublishGate slotGate = PublishGate.always();

  private PostgresCdcInput() {}

  public static PostgresCdcInput builder() {
    return new PostgresCdcInput();
  }

  /**
   * Applies options named as in Flink CDC's SQL connector: {@code hostname}, {@code port}, {@code
   * database-name}, {@code schema-name}, {@code table-name} (both comma-separated), {@code
   * username}, {@code password}, {@code slot.name}, {@code publication.name}, {@code
   * decoding.plugin.name}, {@code scan.startup.mode}, {@code heartbeat.interval.ms} (a duration:
   * {@code 30s}, {@code 500ms}, or milliseconds). Unknown keys are rejected with the list of
   * known ones.
   */
  public PostgresCdcInput options(Map<String, String> options) {
    InputOptions.apply(options, this);
    return this;
  }

  public PostgresCdcInput hostname(String host) {
    this.hostname = host;
    return this;
  }

  public PostgresCdcInput port(int portNumber) {
    if (portNumber <= 0 || portNumber > 65535) {
      throw new IllegalArgumentException("Cannot connect to PostgreSQL on port " + portNumber
          + ": give a port between 1 and 65535.");
    }
    this.port = portNumber;
    return this;
  }

  public PostgresCdcInput database(String name) {
    this.database = name;
    return this;
  }

  /**
   * The schemas of the tables: unqualified table names are looked up in the only schema given
   * (default {@code public}); qualified ones must be in a schema given.
   */
  public PostgresCdcInput schemaList(String... names) {
    schemas.clear();
    for (String name : names) {
      schemas.add(name.trim());
    }
    return this;
  }

  /**
   * The tables, as {@code schema.table} or {@code table}; all are read through one slot. Replaces
   * tables given with {@link #capturedTables(List)}.
   */
  public PostgresCdcInput tableList(String... names) {
    capturedTables = null;
    tables.clear();
    for (String name : names) {
      tables.add(name.trim());
    }
    return this;
  }

  public PostgresCdcInput username(String name) {
    this.username = name;
    return this;
  }

  public PostgresCdcInput password(String secret) {
    this.password = secret;
    return this;
  }

  /**
   * The replication slot (lower-case letters, digits, {@code _}), created on first start if
   * missing. One slot per source: two running sources must not share one. It stays when the job
   * stops; drop it when the pipeline is removed, or the server keeps WAL for it.
   */
  public PostgresCdcInput slotName(String name) {
    this.slotName = name;
    return this;
  }

  /**
   * The publication pgoutput reads (default: the slot name). When the job starts it is created for
   * the captured tables if missing, or the missing tables are added to it; none is removed. That
   * needs the user to own the tables, or the publication to exist already.
   */
  public PostgresCdcInput publicationName(String name) {
    this.publicationName = name;
    return this;
  }

  public PostgresCdcInput startup(Startup mode) {
    this.startup = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * How often the stream reader, when it gets no changes of the captured tables, moves its
   * position to what the server last sent (Debezium's heartbeat, default 30 s). A checkpoint then
   * holds that position, and the slot's confirmed position follows it, so the server can recycle
   * WAL written for other tables. Triggered runs use at most 500 ms.
   */
  public PostgresCdcInput heartbeatInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("Cannot use a heartbeat interval of " + interval
          + ": give a positive duration.");
    }
    this.heartbeat = interval;
    return this;
  }

  /** Only {@code pgoutput}, built into PostgreSQL 10 and later, is supported. */
  public PostgresCdcInput decodingPlugin(String plugin) {
    if (!PGOUTPUT.equals(plugin.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("Cannot decode the WAL with plugin '" + plugin
          + "': only pgoutput is supported (built into PostgreSQL 10 and later).");
    }
    return this;
  }

  /**
   * For a triggered run: marks {@code catchUpMarker} once every change committed before the stream
   * reader started (when the job starts from a savepoint, or when the initial snapshot is done)
   * has been emitted; reading goes on until the job is stopped. The end is a logical decoding
   * message the source writes into the WAL when the stream reader starts, so it is reached even
   * when the captured tables get no changes; the user needs to be allowed to run {@code
   * pg_logical_emit_message} (PostgreSQL allows every user by default). See {@link CatchUpPoint}.
   */
  public PostgresCdcInput catchUpMarker(CatchUpMarker catchUpMarker) {
    this.marker = Objects.requireNonNull(catchUpMarker, "catchUpMarker");
    return this;
  }

  /**
   * Which completed checkpoints move the replication slot's confirmed position (and so let the
   * server recycle WAL): by default every one; for a triggered run the flow's publish gate, so the
   * slot moves with the checkpoint that makes the run's output visible and a failed run can be
   * read again.
   */
  public PostgresCdcInput slotCommitGate(PublishGate gate) {
    this.slotGate = Objects.requireNonNull(gate, "gate");
    return this;
  }

  /**
   * Reads these tables with these columns instead of reading the catalog when building: the
   * result of an earlier {@link #discoverTables()}. Replaces the table list.
   */
  public PostgresCdcInput capturedTables(List<CapturedTable> captured) {
    if (captured.isEmpty()) {
      throw new IllegalArgumentException("Cannot capture no tables: give at least one.");
    }
    this.capturedTables = List.copyOf(captured);
    tables.clear();
    for (CapturedTable table : captured) {
      tables.add(table.qualifiedName());
    }
    return this;
  }

  /**
   * Connects and replaces every table given as a pattern ({@code public.orders_*}, {@code
   * sales.*}: {@code *} is any run of characters within a name) by the tables that match it now,
   * as {@code schema.table}; an unqualified pattern is in the default schema. Tables created
   * later are not captured by this source: expand again and start a new one.
   */
  public PostgresCdcInput expandTablePatterns() {
    if (tables.stream().noneMatch(t -> t.contains("*"))) {
      return this;
    }
    String defaultSchema = schemas.isEmpty() ? DEFAULT_SCHEMA : schemas.get(0);
    List<String> expanded = new ArrayList<>();
    Set<String> expandedSchemas = new LinkedHashSet<>(schemas);
    for (String table : tables) {
      String qualified = table.contains(".") ? table : defaultSchema + "." + table;
      List<String> names = table.contains("*") ? TableDiscovery.matching(endpoint(), qualified) : List.of(qualified);
      for (String name : names) {
        if (!expanded.contains(name)) {
          expanded.add(name);
          expandedSchemas.add(name.substring(0, name.indexOf('.')));
        }
      }
    }
    tables.clear();
    tables.addAll(expanded);
    schemas.clear();
    schemas.addAll(expandedSchemas);
    return this;
  }

  /** The tables to capture, as given (or as expanded by {@link #expandTablePatterns()}). */
  public List<String> tables() {
    return List.copyOf(tables);
  }

  /** The schemas of the tables, as given or expanded. */
  public List<String> schemas() {
    return List.copyOf(schemas);
  }

  /**
   * Connects and reads the tables' columns, types, primary keys and replica identities from the
   * catalog; checks that the server's wal_level is logical. Fails on a missing table, a table
   * without primary key, or a column of an unsupported type.
   */
  public List<CapturedTable> discoverTables() {
    return TableDiscovery.discover(endpoint(), tableNames());
  }

  /**
   * The type of the source's rows: the union of the tables' columns, then the metadata. Reads
   * the catalog unless tables were given with {@link #capturedTables(List)}.
   */
  public RowType producedType() {
    return UnionLayout.of(resolvedTables()).rowType();
  }

  /** The source; validates every setting, and reads the catalog unless tables were given. */
  public Source<RowData, ?, ?> build() {
    PostgresEndpoint endpoint = endpoint();
    List<TableName> names = tableNames();
    String slot = validName("slot", slotName);
    String publication = validName("publication",
        publicationName == null ? slotName : publicationName);
    ChangeRowDeserializer deserializer = new ChangeRowDeserializer(resolvedTables());
    Set<String> schemaNames = new LinkedHashSet<>();
    List<String> patterns = new ArrayList<>();
    for (TableName name : names) {
      schemaNames.add(name.schema());
      patterns.add(name.pattern());
    }
    PostgresSourceBuilder<RowData> builder = PostgresIncrementalSource.<RowData>builder()
        .hostname(endpoint.hostname())
        .port(endpoint.port())
        .database(endpoint.database())
        .schemaList(schemaNames.toArray(new String[0]))
        .tableList(patterns.toArray(new String[0]))
        .username(endpoint.username())
        .password(endpoint.password() == null ? "" : endpoint.password())
        .slotName(slot)
        .decodingPluginName(PGOUTPUT)
        .startupOptions(startup == Startup.INITIAL ? StartupOptions.initial()
            : StartupOptions.latest())
        .debeziumProperties(debeziumProperties(publication))
        .deserializer(deserializer);
    builder.heartbeatInterval(marker.isEnabled() && heartbeat.compareTo(CATCH_UP_HEARTBEAT) > 0
        ? CATCH_UP_HEARTBEAT : heartbeat);
    // continuous and triggered alike: the emitter stores heartbeat positions a restore can use
    return new ChangeSource(new CatchUpSource(builder, deserializer), endpoint, publication, names,
        marker, slotGate);
  }

  @Override
  public String toString() {
    return "PostgresCdcInput[postgresql://" + hostname + ":" + port + "/" + database
        + " as " + username + ", password=" + (password == null ? "none" : "****")
        + ", tables=" + tables + ", slot=" + slotName + ", startup=" + startup + "]";
  }

  private List<CapturedTable> resolvedTables() {
    return capturedTables != null ? capturedTables : discoverTables();
  }

  private PostgresEndpoint endpoint() {
    require(hostname, "hostname", "the server's host name");
    require(database, "database-name", "the database that holds the tables");
    require(username, "username", "a role with LOGIN and REPLICATION");
    return new PostgresEndpoint(hostname, port, database, username, password);
  }

  private List<TableName> tableNames() {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("Cannot build a PostgreSQL CDC source: no tables."
          + " Set table-name to schema.table[,schema.table...].");
    }
    if (schemas.size() > 1) {
      for (String table : tables) {
        if (!table.contains(".")) {
          throw new IllegalArgumentException("Cannot capture table '" + table + "': several"
              + " schemas are given " + schemas + ". Qualify it as schema.table.");
        }
      }
    }
    String defaultSchema = schemas.isEmpty() ? DEFAULT_SCHEMA : schemas.get(0);
    List<TableName> names = new ArrayList<>();
    for (String table : tables) {
      TableName name = TableName.parse(table, defaultSchema);
      if (!schemas.isEmpty() && !schemas.contains(name.schema())) {
        throw new IllegalArgumentException("Cannot capture table " + name + ": its schema is"
            + " not one of the schemas given " + schemas + ". Add it to schema-name.");
      }
      if (names.contains(name)) {
        throw new IllegalArgumentException("Cannot capture table " + name
            + " twice with one source: list it once.");
      }
      names.add(name);
    }
    return names;
  }

  private static Properties debeziumProperties(String publication) {
    Properties props = new Properties();
    // ChangeSource creates the publication for the captured tables: Debezium must not alter it
    props.setProperty("publication.autocreate.mode", "disabled");
    props.setProperty("publication.name", publication);
    props.setProperty("tombstones.on.delete", "false");
    // The catch-up markers of triggered runs move Debezium's offset but are no change of a table
    props.setProperty("message.prefix.exclude.list", CatchUpPoint.PREFIX);
    return props;
  }

  private static String validName(String what, String name) {
    require(name, what.equals("slot") ? "slot.name" : "publication.name",
        "lower-case letters, digits and _");
    if (!SLOT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Cannot use '" + name + "' as " + what + " name: use"
          + " 1 to 63 lower-case letters, digits and _.");
    }
    return name;
  }

  private static void require(String value, String option, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Cannot build a PostgreSQL CDC source: no " + option
          + ". Set " + option + " to " + what + ".");
    }
  }
}
