package io.sluice.core.load;

import io.sluice.core.graph.GraphBuilder;
import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.rules.Rule;
import io.sluice.core.rules.RuleApplication;
import io.sluice.core.rules.RuleFileParser;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.core.spec.PipelineSpecParser;
import io.sluice.core.sql.SqlDefinitionParser;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.SourceFile;
import io.sluice.core.yaml.YamlDefinitionParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a pipeline folder: {@code pipeline.yaml}, then every definition file its libraries select
 * ({@code .sql} files and SQL notebook exports, {@code .yaml} definition files), then builds the
 * graph. Problems from every step are collected; nothing here throws for a user error.
 */
public final class PipelineLoader {
  private PipelineLoader() {}

  /**
   * @param configuration values that override the spec's {@code configuration} (from the command
   *     line)
   */
  public static LoadedPipeline load(Path folder, Map<String, String> configuration) {
    Problems problems = new Problems();
    Path abs = folder.toAbsolutePath().normalize();
    Path specFile = abs.resolve(PipelineSpec.FILE_NAME);
    Optional<SourceFile> specText = read(abs, specFile, problems);
    if (specText.isEmpty()) {
      if (!Files.exists(specFile)) {
        problems.error(ErrorCode.SPEC_NOT_FOUND, SourceLocation.of(display(abs, specFile), 0, 0),
            "Cannot load pipeline " + abs + ": there is no " + PipelineSpec.FILE_NAME + " in it",
            "Point at the pipeline folder, or create one with 'sluice init NAME'.");
      }
      PipelineSpec spec = PipelineSpec.defaults(abs, abs.getFileName().toString());
      return new LoadedPipeline(spec, DefinitionSet.EMPTY, GraphBuilder.build(DefinitionSet.EMPTY, problems),
          problems.list());
    }
    PipelineSpec parsed = PipelineSpecParser.parse(abs, specText.get(), problems);
    PipelineSpec spec = parsed.withConfiguration(PipelineSpecParser.merge(parsed.configuration(), configuration));
    DefinitionSet definitions = DefinitionSet.EMPTY;
    SqlQuerySyntax syntax = new SqlQuerySyntax(spec.configuration());
    for (Path file : LibraryFiles.find(spec.folder(), spec.storage(), spec.libraries(),
        SourceLocation.of(PipelineSpec.FILE_NAME, 1, 1), problems)) {
      if (isRulesFile(spec, file)) {
        continue;
      }
      Optional<SourceFile> text = read(abs, file, problems);
      if (text.isEmpty()) {
        continue;
      }
      String name = file.getFileName().toString();
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        definitions = definitions.plus(YamlDefinitionParser.parse(text.get(), syntax, problems));
      } else {
        definitions = definitions.plus(SqlDefinitionParser.parse(text.get(), spec.configuration(), problems));
      }
    }
    List<Rule> rules = new ArrayList<>();
    for (Path file : LibraryFiles.find(spec.folder(), spec.storage(), spec.rules(),
        SourceLocation.of(PipelineSpec.FILE_NAME, 1, 1), problems)) {
      read(abs, file, problems).ifPresent(text -> rules.addAll(RuleFileParser.parse(text, syntax, problems)));
    }
    definitions = RuleApplication.apply(definitions, rules, problems);
    PipelineGraph graph = GraphBuilder.build(definitions, problems);
    return new LoadedPipeline(spec, definitions, graph, problems.list());
  }

  /** Rules files are read as rules even when a library glob matches them too. */
  private static boolean isRulesFile(PipelineSpec spec, Path file) {
    return !spec.rules().isEmpty() && LibraryFiles.find(spec.folder(), spec.storage(), spec.rules(),
        SourceLocation.of(PipelineSpec.FILE_NAME, 1, 1), new Problems()).contains(file);
  }

  private static Optional<SourceFile> read(Path folder, Path file, Problems problems) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SourceFile(display(folder, file), Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      problems.error(ErrorCode.LIBRARY_UNREADABLE, SourceLocation.of(display(folder, file), 0, 0),
          "Cannot read " + file + ": " + e.getMessage(), "Check the file's permissions and encoding (UTF-8).");
      return Optional.empty();
    }
  }

  /** Paths in messages are relative to the pipeline folder. */
  private static String display(Path folder, Path file) {
    return file.startsWith(folder) ? folder.relativize(file).toString() : file.toString();
  }
}
