package io.sluice.core.spec;

import io.sluice.core.model.TableFormat;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import io.sluice.core.yaml.YamlDocument;
import io.sluice.core.yaml.YamlItem;
import io.sluice.core.yaml.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code pipeline.yaml}; unknown keys and wrong values are problems with a location. */
public final class PipelineSpecParser {
  static final Set<String> KEYS =
      Set.of("name", "storage", "libraries", "configuration", "catalog", "database", "mode",
          "continuous", "development", "format", "flink", "rules", "checkpoints");

  private PipelineSpecParser() {}

  /** Parses the spec; problems are added to {@code problems}, defaults fill what is missing. */
  public static PipelineSpec parse(Path folder, SourceFile file, Problems problems) {
    Path abs = folder.toAbsolutePath().normalize();
    PipelineSpec defaults = PipelineSpec.defaults(abs, abs.getFileName() == null ? "pipeline" : abs.getFileName().toString());
    Optional<YamlMap> read = YamlDocument.read(file, problems, ErrorCode.SPEC_SYNTAX);
    if (read.isEmpty()) {
      return defaults;
    }
    YamlMap yaml = read.get();
    yaml.rejectUnknownKeys(KEYS, ErrorCode.SPEC_UNKNOWN_KEY, PipelineSpec.FILE_NAME);
    String name = yaml.string("name").orElse(defaults.name());
    Path storage = yaml.string("storage").map(s -> abs.resolve(s).normalize()).orElse(defaults.storage());
    List<String> libraries = libraries(yaml);
    Map<String, String> configuration = yaml.stringMap("configuration", ErrorCode.SPEC_INVALID_VALUE);
    return new PipelineSpec(
        abs,
        name,
        storage,
        libraries.isEmpty() ? PipelineSpec.DEFAULT_LIBRARIES : libraries,
        configuration,
        yaml.string("catalog"),
        yaml.string("database"),
        mode(yaml),
        yaml.bool("development", ErrorCode.SPEC_INVALID_VALUE).orElse(false),
        format(yaml),
        yaml.stringMap("flink", ErrorCode.SPEC_INVALID_VALUE),
        yaml.stringList("rules", ErrorCode.SPEC_INVALID_VALUE),
        CheckpointSettingsParser.parse(yaml));
  }

  /** Entries are globs, or DLT-style {@code - glob: {include: ...}} / {@code - file: {path: ...}}. */
  private static List<String> libraries(YamlMap yaml) {
    List<String> result = new ArrayList<>();
    for (YamlItem item : yaml.list("libraries", ErrorCode.SPEC_INVALID_VALUE)) {
      if (!item.isMap()) {
        item.scalar(ErrorCode.SPEC_INVALID_VALUE).ifPresent(result::add);
        continue;
      }
      YamlMap entry = item.map(ErrorCode.SPEC_INVALID_VALUE).orElseThrow();
      entry.rejectUnknownKeys(Set.of("glob", "file", "notebook"), ErrorCode.SPEC_UNKNOWN_KEY, "a library entry");
      entry.map("glob", ErrorCode.SPEC_INVALID_VALUE).flatMap(g -> g.string("include")).ifPresent(result::add);
      entry.map("file", ErrorCode.SPEC_INVALID_VALUE).flatMap(g -> g.string("path")).ifPresent(result::add);
      entry.map("notebook", ErrorCode.SPEC_INVALID_VALUE).flatMap(g -> g.string("path")).ifPresent(result::add);
    }
    return result;
  }

  private static ExecutionMode mode(YamlMap yaml) {
    Optional<ExecutionMode> fromMode = yaml.string("mode").flatMap(v -> {
      try {
        return Optional.of(ExecutionMode.valueOf(v.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        yaml.problems().error(ErrorCode.SPEC_INVALID_VALUE, yaml.valueAt("mode"),
            "Cannot use mode '" + v + "': it is not a known mode", "Use 'triggered' or 'continuous'.");
        return Optional.empty();
      }
    });
    Optional<ExecutionMode> fromFlag = yaml.bool("continuous", ErrorCode.SPEC_INVALID_VALUE)
        .map(c -> c ? ExecutionMode.CONTINUOUS : ExecutionMode.TRIGGERED);
    if (fromMode.isPresent() && fromFlag.isPresent() && fromMode.get() != fromFlag.get()) {
      yaml.problems().error(ErrorCode.SPEC_INVALID_VALUE, yaml.at("continuous"),
          "Cannot use both 'mode: " + fromMode.get().name().toLowerCase(Locale.ROOT)
              + "' and 'continuous: " + (fromFlag.get() == ExecutionMode.CONTINUOUS) + "'",
          "Keep only 'mode:'.");
    }
    return fromMode.or(() -> fromFlag).orElse(ExecutionMode.TRIGGERED);
  }

  private static TableFormat format(YamlMap yaml) {
    return yaml.string("format").flatMap(v -> {
      Optional<TableFormat> f = TableFormat.parse(v);
      if (f.isEmpty()) {
        yaml.problems().error(ErrorCode.SPEC_INVALID_VALUE, yaml.valueAt("format"),
            "Cannot store tables as '" + v + "': it is not a supported format", "Use 'delta' or 'iceberg'.");
      }
      return f;
    }).orElse(TableFormat.DELTA);
  }

  /** The configuration with the given overrides (for example from the command line) applied. */
  public static Map<String, String> merge(Map<String, String> base, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(base);
    merged.putAll(overrides);
    return merged;
  }
}
