package io.sluice.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointSettingsParserTest {
  private final Path folder = Path.of("/tmp/pipelines/shop");

  private PipelineSpec parse(String yaml, Problems problems) {
    return PipelineSpecParser.parse(folder, new SourceFile("pipeline.yaml", yaml), problems);
  }

  @Test
  void readsEverySetting() {
    Problems problems = new Problems();
    PipelineSpec spec = parse("""
        name: shop
        checkpoints:
          interval: 30s
          mode: at_least_once
          timeout: 2min
          state_backend: rocksdb
          retained: 3
        """, problems);
    assertThat(problems.list()).isEmpty();
    CheckpointSettings cp = spec.checkpoints();
    assertThat(cp.intervalFor(ExecutionMode.CONTINUOUS)).isEqualTo(Duration.ofSeconds(30));
    assertThat(cp.intervalFor(ExecutionMode.TRIGGERED)).isEqualTo(Duration.ofSeconds(30));
    assertThat(cp.exactlyOnce()).isFalse();
    assertThat(cp.timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(cp.stateBackend()).isEqualTo("rocksdb");
    assertThat(cp.retained()).isEqualTo(3);
  }

  @Test
  void defaultsDependOnTheMode() {
    Problems problems = new Problems();
    CheckpointSettings cp = parse("name: shop\n", problems).checkpoints();
    assertThat(problems.list()).isEmpty();
    assertThat(cp.intervalFor(ExecutionMode.TRIGGERED)).isEqualTo(Duration.ofSeconds(5));
    assertThat(cp.intervalFor(ExecutionMode.CONTINUOUS)).isEqualTo(Duration.ofSeconds(10));
    assertThat(cp.exactlyOnce()).isTrue();
    assertThat(cp.stateBackend()).isEqualTo("hashmap");
  }

  @Test
  void everyWrongValueIsReportedWithItsLine() {
    Problems problems = new Problems();
    parse("""
        name: shop
        checkpoints:
          interval: often
          mode: maybe_once
          state_backend: memory
          retained: 0
          intervall: 5s
        """, problems);
    assertThat(problems.list()).extracting(Problem::code).containsExactlyInAnyOrder(
        ErrorCode.SPEC_UNKNOWN_KEY, ErrorCode.SPEC_INVALID_VALUE, ErrorCode.SPEC_INVALID_VALUE,
        ErrorCode.SPEC_INVALID_VALUE, ErrorCode.SPEC_INVALID_VALUE);
    assertThat(problems.list()).extracting(p -> p.location().line()).contains(3, 4, 5, 6, 7);
    assertThat(problems.list()).extracting(Problem::message).anyMatch(m -> m.contains("'often'"));
  }
}
