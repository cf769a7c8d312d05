package io.sluice.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.TableFormat;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PipelineSpecParserTest {
  private final Path folder = Path.of("/tmp/pipelines/shop");

  @Test
  void readsEveryKey() {
    Problems problems = new Problems();
    PipelineSpec spec = PipelineSpecParser.parse(folder, new SourceFile("pipeline.yaml", """
        name: shop
        storage: out/store
        libraries:
          - sql/**/*.sql
          - glob: {include: defs/*.yaml}
        configuration: {env: dev, root: /data}
        catalog: main
        database: sales
        mode: continuous
        development: true
        format: iceberg
        flink: {parallelism.default: 4}
        """), problems);
    assertThat(problems.list()).isEmpty();
    assertThat(spec.name()).isEqualTo("shop");
    assertThat(spec.storage()).isEqualTo(folder.resolve("out/store"));
    assertThat(spec.libraries()).containsExactly("sql/**/*.sql", "defs/*.yaml");
    assertThat(spec.configuration()).containsEntry("env", "dev").containsEntry("root", "/data");
    assertThat(spec.catalog()).contains("main");
    assertThat(spec.database()).contains("sales");
    assertThat(spec.mode()).isEqualTo(ExecutionMode.CONTINUOUS);
    assertThat(spec.development()).isTrue();
    assertThat(spec.format()).isEqualTo(TableFormat.ICEBERG);
    assertThat(spec.flink()).containsEntry("parallelism.default", "4");
  }

  @Test
  void defaultsWhenKeysAreMissing() {
    Problems problems = new Problems();
    PipelineSpec spec = PipelineSpecParser.parse(folder, new SourceFile("pipeline.yaml", "name: shop\n"), problems);
    assertThat(problems.list()).isEmpty();
    assertThat(spec.storage()).isEqualTo(folder.resolve("storage"));
    assertThat(spec.mode()).isEqualTo(ExecutionMode.TRIGGERED);
    assertThat(spec.format()).isEqualTo(TableFormat.DELTA);
    assertThat(spec.libraries()).isEqualTo(PipelineSpec.DEFAULT_LIBRARIES);
  }

  @Test
  void unknownKeysAreErrorsThatListTheAllowedKeys() {
    Problems problems = new Problems();
    PipelineSpecParser.parse(folder, new SourceFile("pipeline.yaml", "name: shop\nstorrage: x\nmode: sometimes\n"), problems);
    assertThat(problems.list()).extracting(Problem::code)
        .containsExactly(ErrorCode.SPEC_UNKNOWN_KEY, ErrorCode.SPEC_INVALID_VALUE);
    Problem unknown = problems.list().get(0);
    assertThat(unknown.location().line()).isEqualTo(2);
    assertThat(unknown.location().column()).isEqualTo(1);
    assertThat(unknown.action()).contains("storage").contains("libraries").contains("mode");
    assertThat(problems.list().get(1).location().line()).isEqualTo(3);
  }

  @Test
  void acceptsDltContinuousFlagButNotAContradiction() {
    Problems ok = new Problems();
    assertThat(PipelineSpecParser.parse(folder, new SourceFile("pipeline.yaml", "continuous: true\n"), ok).mode())
        .isEqualTo(ExecutionMode.CONTINUOUS);
    Problems clash = new Problems();
    PipelineSpecParser.parse(folder, new SourceFile("pipeline.yaml", "mode: triggered\ncontinuous: true\n"), clash);
    assertThat(clash.list()).extracting(Problem::code).containsExactly(ErrorCode.SPEC_INVALID_VALUE);
  }

  @Test
  void yamlSyntaxErrorsHaveALocation() {
    Problems problems = new Problems();
    PipelineSpecParser.parse(folder, new SourceFile("pipeline.yaml", "name: shop\nconfiguration: [a\n"), problems);
    assertThat(problems.list()).hasSize(1);
    assertThat(problems.list().get(0).code()).isEqualTo(ErrorCode.SPEC_SYNTAX);
    assertThat(problems.list().get(0).location().line()).isGreaterThan(1);
  }
}
