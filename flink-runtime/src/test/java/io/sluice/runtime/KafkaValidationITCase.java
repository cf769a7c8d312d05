package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.plan.PipelinePlanner;
import io.sluice.runtime.translate.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka reads and sinks are checked when the pipeline is validated, with the file, line and
 * column of the read_kafka call or the sink; no broker is contacted.
 */
class KafkaValidationITCase {
  @TempDir Path dir;

  private List<Problem> validate(String sql) throws Exception {
    Files.writeString(dir.resolve("pipeline.yaml"), "name: k\n");
    Files.writeString(dir.resolve("p.sql"), sql);
    LoadedPipeline p = PipelineLoader.load(dir, Map.of());
    List<Problem> problems = new ArrayList<>(p.problems());
    PipelinePlanner.plan(p.spec(), p.graph(), Phase.VALIDATE, EngineConfig.of(p.spec()), problems);
    return problems.stream().filter(Problem::isError).toList();
  }

  @Test
  void aValidPipelineHasNoProblemsAndNeedsNoBroker() throws Exception {
    assertThat(validate("""
        CREATE STREAMING TABLE raw AS SELECT * FROM STREAM read_kafka(
          bootstrapServers => 'nowhere:9092', subscribe => 'orders');
        CREATE STREAMING TABLE parsed AS SELECT id, _rescued_data FROM STREAM read_kafka(
          bootstrapServers => 'nowhere:9092', subscribePattern => 'orders-.*',
          valueFormat => 'json', schema => 'id BIGINT');
        CREATE SINK out USING kafka OPTIONS ('kafka.bootstrap.servers' = 'nowhere:9092', 'topic' = 't');
        CREATE FLOW f AS INSERT INTO out SELECT id FROM STREAM(parsed);
        """)).isEmpty();
  }

  @Test
  void reportsBadReadKafkaArgumentsAtTheCall() throws Exception {
    List<Problem> errors = validate("""
        CREATE STREAMING TABLE a AS SELECT * FROM STREAM read_kafka(
          bootstrapServers => 'k:9092', subscribe => 'a', maxOffsetsPerTrigger => 10);
        CREATE STREAMING TABLE b AS
        SELECT * FROM read_kafka(subscribe => 'b');
        CREATE STREAMING TABLE c AS SELECT * FROM STREAM read_kafka(bootstrapServers => 'k:9092');
        CREATE STREAMING TABLE d AS SELECT * FROM STREAM read_kafka(
          bootstrapServers => 'k:9092', subscribe => 'd', valueFormat => 'json');
        """);

    assertThat(errors).extracting(Problem::code).containsOnly(ErrorCode.SOURCE_INVALID);
    assertThat(errors).extracting(e -> e.location().toString())
        .containsExactlyInAnyOrder("p.sql:1:50", "p.sql:4:15", "p.sql:5:50", "p.sql:6:50");
    assertThat(errors).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .startsWith("Cannot use read_kafka argument 'maxOffsetsPerTrigger': unknown. Use one of"
            + " bootstrapServers, subscribe,"));
    assertThat(errors).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("Cannot read Kafka: no bootstrapServers."))
        .anySatisfy(m -> assertThat(m).startsWith("Cannot read Kafka: no topics to read."))
        .anySatisfy(m -> assertThat(m).startsWith("Cannot read Kafka values as json: no schema."));
  }

  @Test
  void aMaterializedViewCannotReadKafka() throws Exception {
    List<Problem> errors = validate("""
        CREATE MATERIALIZED VIEW counts AS
        SELECT COUNT(*) AS n FROM read_kafka(bootstrapServers => 'k:9092', subscribe => 'a');
        """);

    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_INVALID);
      assertThat(e.location().toString()).isEqualTo("p.sql:2:27");
      assertThat(e.message()).contains("runs as a batch job")
          .contains("Read them into a streaming table");
    });
  }

  @Test
  void reportsAKafkaSinkWithoutTopicAndKeepsRejectingUnknownFormats() throws Exception {
    List<Problem> errors = validate("""
        CREATE STREAMING TABLE src AS SELECT * FROM STREAM read_kafka(
          bootstrapServers => 'k:9092', subscribe => 'a');
        CREATE SINK out USING kafka OPTIONS ('kafka.bootstrap.servers' = 'k:9092');
        CREATE FLOW f AS INSERT INTO out SELECT * FROM STREAM(src);
        CREATE SINK mq USING rabbitmq OPTIONS ('queue' = 'q');
        CREATE FLOW g AS INSERT INTO mq SELECT * FROM STREAM(src);
        """);

    assertThat(errors).extracting(Problem::code, e -> e.location().toString())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ErrorCode.SINK_INVALID, "p.sql:3:13"),
            org.assertj.core.groups.Tuple.tuple(ErrorCode.UNSUPPORTED_FEATURE, "p.sql:5:13"));
    assertThat(errors).filteredOn(e -> e.code() == ErrorCode.SINK_INVALID).singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("Cannot write Kafka sink 'out': option"
            + " 'topic' is missing. Add 'topic' = 'topic-name' to its options."));
  }
}
