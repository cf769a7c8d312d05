package io.sluice.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.model.Sink;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka in YAML definitions: read_kafka in queries, Kafka sinks, parameters in both. */
class YamlKafkaTest {
  private static final String DEFS = """
      datasets:
        - name: raw_orders
          kind: streaming_table
          query: |
            SELECT * FROM STREAM read_kafka(bootstrapServers => '${kafka}', subscribe => 'orders',
              valueFormat => 'json', schema => 'id BIGINT')
        - name: out
          kind: sink
          format: kafka
          options: {kafka.bootstrap.servers: "${kafka}", topic: "${topic}", valueFormat: json}
      flows:
        - {name: to_out, target: out, query: "SELECT * FROM STREAM(raw_orders)"}
      """;

  @Test
  void readsKafkaReadsAndSinksWithParametersSubstituted() {
    Problems problems = new Problems();
    DefinitionSet defs = YamlDefinitionParser.parse(new SourceFile("defs.yaml", DEFS),
        new SqlQuerySyntax(Map.of("kafka", "broker:9092", "topic", "orders_out")), problems);

    assertThat(problems.list()).isEmpty();
    QueryFlow raw = (QueryFlow) defs.flows().get(0);
    assertThat(raw.query().references()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(ReferenceKind.KAFKA);
      assertThat(r.streaming()).isTrue();
      assertThat(r.options()).containsEntry("bootstrapServers", "broker:9092");
    });
    Sink out = (Sink) defs.datasets().get(1);
    assertThat(out.format()).isEqualTo("kafka");
    assertThat(out.options()).isEqualTo(Map.of("kafka.bootstrap.servers", "broker:9092",
        "topic", "orders_out", "valueFormat", "json"));
    assertThat(defs.flows()).extracting(f -> f.target()).containsExactly("raw_orders", "out");
  }
}
