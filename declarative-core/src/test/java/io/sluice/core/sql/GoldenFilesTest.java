package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.DefinitionSet;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each {@code sql/NAME.sql} parses to exactly what {@code sql/NAME.expected} shows (datasets,
 * flows, rewritten SQL, references, problems with line:column). Run with {@code
 * -Dsluice.updateGolden=true} to rewrite the expected files after an intended change, then review
 * the diff.
 */
class GoldenFilesTest {
  static final Map<String, String> CONFIGURATION =
      Map.of("source_root", "/mnt/landing", "env", "dev");
  private static final Path DIR = Path.of("src/test/resources/sql");

  @ParameterizedTest
  @ValueSource(strings = {"notebook_export", "retail_medallion", "legacy_forms", "syntax_errors"})
  void parsesToTheGoldenRendering(String name) throws IOException {
    String actual = render(name);
    Path expected = DIR.resolve(name + ".expected");
    if (Boolean.getBoolean("sluice.updateGolden")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  static String render(String name) throws IOException {
    Problems problems = new Problems();
    DefinitionSet set = parse(name, problems);
    return DefinitionDump.of(set, problems.list());
  }

  static DefinitionSet parse(String name, Problems problems) throws IOException {
    String sql = Files.readString(DIR.resolve(name + ".sql"), StandardCharsets.UTF_8);
    return SqlDefinitionParser.parse(new SourceFile(name + ".sql", sql), CONFIGURATION, problems);
  }
}
