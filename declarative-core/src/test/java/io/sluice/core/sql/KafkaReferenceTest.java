package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sluice.core.model.Query;
import io.sluice.core.model.Reference;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.problem.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaReferenceTest {

  @Test
  void readsNamedArgumentsWithTheirNamesAsWritten() {
    Query query = Parsed.query(
        "SELECT CAST(value AS STRING) AS v FROM read_kafka(\n"
            + "  bootstrapServers => 'kafka:9092', subscribe => \"orders,returns\",\n"
            + "  startingOffsets => 'earliest', includeKey => TRUE, maxRecords => 10,\n"
            + "  `kafka.security.protocol` => 'SSL', kafka.client.id => 'me')");

    Reference kafka = query.references().get(0);
    assertThat(kafka.kind()).isEqualTo(ReferenceKind.KAFKA);
    assertThat(kafka.name()).isEqualTo("orders,returns");
    assertThat(kafka.streaming()).isFalse();
    assertThat(kafka.placeholder()).isEqualTo("__kafka_1");
    assertThat(kafka.options()).isEqualTo(Map.of(
        "bootstrapServers", "kafka:9092", "subscribe", "orders,returns",
        "startingOffsets", "earliest", "includeKey", "true", "maxRecords", "10",
        "kafka.security.protocol", "SSL", "kafka.client.id", "me"));
    assertThat(query.sql().text()).isEqualTo("SELECT CAST(value AS STRING) AS v FROM `__kafka_1`");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "STREAM read_kafka(bootstrapServers => 'k:9092', subscribePattern => 'orders-.*')",
      "STREAM(read_kafka(bootstrapServers => 'k:9092', subscribePattern => 'orders-.*'))",
      "stream ( READ_KAFKA ( subscribePattern => 'orders-.*', bootstrapServers => 'k:9092' ) )"
  })
  void readsStreamingReadKafkaNamedAfterItsSubscription(String source) {
    Query query = Parsed.query("SELECT * FROM " + source + " AS k");

    assertThat(query.references())
        .extracting("kind", "name", "streaming")
        .containsExactly(tuple(ReferenceKind.KAFKA, "orders-.*", true));
    assertThat(query.sql().text()).isEqualTo("SELECT * FROM `__kafka_1` AS k");
  }

  @Test
  void sharesIdenticalReadsAndNumbersOthers() {
    Query query = Parsed.query(
        "SELECT * FROM read_kafka(bootstrapServers => 'k', subscribe => 'a') x\n"
            + "JOIN read_kafka(bootstrapServers => 'k', subscribe => 'b') y ON x.key = y.key\n"
            + "JOIN read_kafka(bootstrapServers => 'k', subscribe => 'a') z ON x.key = z.key");

    assertThat(query.references())
        .extracting("name", "placeholder")
        .containsExactly(tuple("a", "__kafka_1"), tuple("b", "__kafka_2"));
  }

  @Test
  void substitutesConfigurationInArguments() {
    Parsed parsed = Parsed.sql(
        "CREATE STREAMING TABLE t AS SELECT * FROM STREAM read_kafka(\n"
            + "  bootstrapServers => '${kafka}', subscribe => '${topic}');",
        Map.of("kafka", "broker:9092", "topic", "orders"));

    assertThat(parsed.problems()).isEmpty();
    Reference kafka = parsed.flow("t").query().references().get(0);
    assertThat(kafka.options())
        .containsEntry("bootstrapServers", "broker:9092")
        .containsEntry("subscribe", "orders");
    assertThat(kafka.name()).isEqualTo("orders");
  }

  @Test
  void aReadWithoutSubscriptionHasAnEmptyNameForTheEngineToReport() {
    Query query = Parsed.query("SELECT * FROM read_kafka()");

    assertThat(query.references()).extracting("kind", "name", "options")
        .containsExactly(tuple(ReferenceKind.KAFKA, "", Map.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "read_kafka('k:9092')",
      "read_kafka(bootstrapServers)",
      "read_kafka(bootstrapServers => lower('K'))",
      "read_kafka(subscribe => 'a', SUBSCRIBE => 'b')",
      "read_kafka(subscribe => 'a',)",
      "read_kafka(subscribe => 'a'"
  })
  void reportsMalformedCalls(String call) {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t AS SELECT * FROM " + call + ";");

    assertThat(parsed.codes()).containsExactly(ErrorCode.SQL_SYNTAX);
  }

  @Test
  void pointsAtARepeatedArgument() {
    Parsed parsed = Parsed.sql(
        "CREATE STREAMING TABLE t AS\nSELECT * FROM read_kafka(subscribe => 'a', subscribe => 'b');");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@2:44");
  }
}
