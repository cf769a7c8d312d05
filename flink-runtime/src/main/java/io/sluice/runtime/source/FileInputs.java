package io.sluice.runtime.source;

import io.sluice.connectors.files.DebeziumEnvelope;
import io.sluice.connectors.files.FileFormat;
import io.sluice.connectors.files.FileIngestSource;
import io.sluice.connectors.files.FileIngestSourceBuilder;
import io.sluice.connectors.files.ReadColumns;
import io.sluice.connectors.files.FileSchemaInference;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.core.model.Reference;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.Phase;
import io.sluice.runtime.translate.TranslationContext;
import io.sluice.runtime.translate.Uids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * Files read with {@code read_files(...)} / {@code cloud_files(...)}.
 *
 * <p>The read schema is, in order of precedence: the {@code schema} option, the columns the
 * target declares, the schema inferred on the first run. For {@code debezium-json} it is the
 * table's columns, and the rows have the metadata columns of {@link DebeziumEnvelope} after them. An inferred schema is stored under the
 * flow's state folder and reused by later runs, so it does not drift when new files arrive: what
 * no longer fits goes to {@code _rescued_data}.
 */
public final class FileInputs {
  static final String RESCUED = FileIngestSourceBuilder.DEFAULT_RESCUED_COLUMN;
  /** Options that configure the source itself; all others are reader (format) options. */
  static final Set<String> SOURCE_OPTIONS = Set.of("format", "schema", "maxfilespertrigger",
      "rescueddatacolumn", "schemalocation", "schemaevolutionmode", "discoveryinterval");

  private FileInputs() {}

  /**
   * Resolves a files reference of a flow. Throws {@link IllegalArgumentException} with a message
   * for the user when the reference cannot be read.
   */
  public static InputSpec resolve(TranslationContext ctx, String flow, Reference ref,
      Optional<RowType> declared, boolean incremental) {
    Map<String, String> options = normalize(ref.options());
    String formatName = options.get("format");
    if (formatName == null) {
      throw new IllegalArgumentException("Cannot read files at '" + ref.name()
          + "': no format given. Add format => 'json' (or 'csv', 'parquet', 'debezium-json').");
    }
    FileFormat format = FileFormat.of(formatName);
    String mode = options.getOrDefault("schemaevolutionmode", "rescue").toLowerCase(Locale.ROOT);
    if (!mode.equals("rescue") && !mode.equals("none")) {
      throw new IllegalArgumentException("Cannot use schemaEvolutionMode '" + mode + "' for '"
          + ref.name() + "': this version keeps the schema of the first run and rescues new fields"
          + " into _rescued_data. Use 'rescue', or run with --full-refresh to re-infer the schema.");
    }
    String path = StorageLayout.uri(ctx.spec().folder().resolve(ref.name()));
    String key = "files-" + Uids.key(ref.name());
    Map<String, String> formatOptions = formatOptions(options);
    RowType schema = schema(ctx, flow, key, new SchemaRequest(path, format, formatOptions, options, declared));
    RowType produced = format == FileFormat.DEBEZIUM_JSON ? DebeziumEnvelope.withMetadata(schema) : schema;
    return new InputSpec(InputKind.FILES, path, withRescued(produced, options), incremental, options, key);
  }

  static FileIngestSource source(InputSpec input, CatchUpMarker marker, ReadColumns columns) {
    Map<String, String> options = input.options();
    FileFormat format = FileFormat.of(options.get("format"));
    RowType data = dataColumns(input.schema(), rescuedName(options));
    FileIngestSourceBuilder builder = FileIngestSource.builder(input.path())
        .format(format)
        .formatOptions(formatOptions(options))
        .schema(format == FileFormat.DEBEZIUM_JSON ? DebeziumEnvelope.tableColumns(data) : data)
        .rescuedDataColumn(rescuedName(options))
        .boundedness(input.incremental() ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED)
        .discoveryInterval(Duration.ofMillis(Long.parseLong(options.getOrDefault("discoveryinterval", "2000"))))
        .catchUpMarker(marker)
        .readColumns(columns);
    if (options.containsKey("maxfilespertrigger")) {
      builder.maxFilesPerTrigger(Integer.parseInt(options.get("maxfilespertrigger")));
    }
    return builder.build();
  }

  private record SchemaRequest(String path, FileFormat format, Map<String, String> formatOptions,
      Map<String, String> options, Optional<RowType> declared) {}

  private static RowType schema(TranslationContext ctx, String flow, String key, SchemaRequest req) {
    if (req.options.containsKey("schema")) {
      return FileSchemaInference.parseSchema(req.options.get("schema"));
    }
    if (req.declared.isPresent()) {
      RowType declared = dataColumns(req.declared.get(), rescuedName(req.options));
      return req.format == FileFormat.DEBEZIUM_JSON ? DebeziumEnvelope.tableColumns(declared) : declared;
    }
    Path stored = ctx.layout().schemas(flow).resolve(key + ".schema");
    if (Files.exists(stored)) {
      return read(stored);
    }
    RowType inferred = FileSchemaInference.of(req.path, req.format).formatOptions(req.formatOptions).infer();
    if (ctx.phase().remembers()) {
      write(stored, inferred);
    }
    return inferred;
  }

  private static Map<String, String> normalize(Map<String, String> raw) {
    Map<String, String> options = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      String key = k.toLowerCase(Locale.ROOT);
      options.put(key.startsWith("cloudfiles.") ? key.substring("cloudfiles.".length()) : key, v);
    });
    return options;
  }

  /**
   * Reader options: everything but the source's own. Column types are inferred by default, as
   * read_files does (Auto Loader's cloud_files infers only STRING unless told otherwise; here both
   * infer types, and inferColumnTypes => false restores strings).
   */
  private static Map<String, String> formatOptions(Map<String, String> options) {
    Map<String, String> result = new LinkedHashMap<>();
    if (!"parquet".equalsIgnoreCase(options.get("format"))) {
      result.put("infercolumntypes", "true");
    }
    options.forEach((k, v) -> {
      if (!SOURCE_OPTIONS.contains(k)) {
        result.put(k, v);
      }
    });
    return result;
  }

  private static String rescuedName(Map<String, String> options) {
    return options.getOrDefault("rescueddatacolumn", RESCUED);
  }

  private static RowType dataColumns(RowType schema, String rescued) {
    List<RowType.RowField> fields = schema.getFields().stream()
        .filter(f -> !f.getName().equals(rescued)).toList();
    return new RowType(true, fields);
  }

  private static RowType withRescued(RowType data, Map<String, String> options) {
    String rescued = rescuedName(options);
    List<RowType.RowField> fields = new java.util.ArrayList<>(dataColumns(data, rescued).getFields());
    fields.add(new RowType.RowField(rescued, new org.apache.flink.table.types.logical.VarCharType(
        true, org.apache.flink.table.types.logical.VarCharType.MAX_LENGTH)));
    return new RowType(true, fields);
  }

  private static RowType read(Path file) {
    try {
      LogicalType t = LogicalTypeParser.parse(Files.readString(file, StandardCharsets.UTF_8).strip(),
          FileInputs.class.getClassLoader());
      return (RowType) t;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read stored schema " + file, e);
    }
  }

  private static void write(Path file, RowType schema) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, schema.asSerializableString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store inferred schema " + file, e);
    }
  }
}
