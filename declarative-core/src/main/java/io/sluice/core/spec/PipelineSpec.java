package io.sluice.core.spec;

import io.sluice.core.model.TableFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline's settings, read from {@code pipeline.yaml}.
 *
 * @param folder the pipeline folder (where pipeline.yaml is)
 * @param name the pipeline's name
 * @param storage root for tables, checkpoints and the event log (absolute)
 * @param libraries globs of definition files, relative to the folder
 * @param configuration values for {@code ${key}} substitution
 * @param catalog where published tables are registered, if anywhere
 * @param database the database (schema) tables are published in
 * @param mode triggered (default) or continuous
 * @param development development mode: fail fast, no retries
 * @param format the default format of persisted datasets
 * @param flink Flink configuration overrides (for example {@code parallelism.default})
 * @param rules files of reusable expectations (YAML or CSV), applied to datasets by tag
 * @param checkpoints how flow jobs checkpoint
 */
public record PipelineSpec(
    Path folder,
    String name,
    Path storage,
    List<String> libraries,
    Map<String, String> configuration,
    Optional<String> catalog,
    Optional<String> database,
    ExecutionMode mode,
    boolean development,
    TableFormat format,
    Map<String, String> flink,
    List<String> rules,
    CheckpointSettings checkpoints) {

  public static final String FILE_NAME = "pipeline.yaml";
  public static final List<String> DEFAULT_LIBRARIES = List.of("**/*.sql", "**/*.yaml", "**/*.yml");

  public PipelineSpec {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(storage, "storage");
    libraries = List.copyOf(libraries);
    configuration = Map.copyOf(configuration);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(format, "format");
    flink = Map.copyOf(flink);
    rules = List.copyOf(rules);
    Objects.requireNonNull(checkpoints, "checkpoints");
  }

  /** Settings for a pipeline built in code: storage under the folder, defaults elsewhere. */
  public static PipelineSpec defaults(Path folder, String name) {
    Path abs = folder.toAbsolutePath().normalize();
    return new PipelineSpec(
        abs, name, abs.resolve("storage"), DEFAULT_LIBRARIES, Map.of(), Optional.empty(),
        Optional.empty(), ExecutionMode.TRIGGERED, false, TableFormat.DELTA, Map.of(), List.of(), CheckpointSettings.DEFAULTS);
  }

  public PipelineSpec withMode(ExecutionMode newMode) {
    return new PipelineSpec(folder, name, storage, libraries, configuration, catalog, database,
        newMode, development, format, flink, rules, checkpoints);
  }

  public PipelineSpec withStorage(Path newStorage) {
    return new PipelineSpec(folder, name, newStorage, libraries, configuration, catalog, database,
        mode, development, format, flink, rules, checkpoints);
  }

  public PipelineSpec withConfiguration(Map<String, String> newConfiguration) {
    return new PipelineSpec(folder, name, storage, libraries, newConfiguration, catalog, database,
        mode, development, format, flink, rules, checkpoints);
  }
}
