package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.UpdateResult;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debezium-json format feeding AUTO CDC directly, from change files and from a Kafka topic:
 * the landing table holds one row per event (a tombstone excepted), the target the current rows,
 * and an event that is not a change (a schema change) is rescued in the landing table and
 * quarantined by AUTO CDC for its NULL sequence, so every event is accounted for. A truncate event
 * applies through APPLY AS TRUNCATE WHEN; inference (cloud_files) takes the columns from the images.
 */
class DebeziumCdcITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(6);
  @RegisterExtension static final EmbeddedKafka kafka = new EmbeddedKafka();

  private static final String AUTO_CDC = """
      CREATE STREAMING TABLE users;
      AUTO CDC INTO users FROM STREAM(changes) KEYS (id)
        APPLY AS DELETE WHEN _op = 'DELETE' SEQUENCE BY CAST(_source['lsn'] AS BIGINT)
        COLUMNS * EXCEPT (_op, _ts_ms, _source);
      """;

  @TempDir Path dir;

  @Test
  void debeziumJsonChangeFilesFeedAutoCdc() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("files"));
    p.write("pipeline.yaml", "name: files\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE changes AS SELECT * FROM STREAM
          read_files('cdc', format => 'debezium-json', schema => 'id INT, name STRING');
        CREATE STREAMING TABLE inferred AS SELECT * FROM STREAM cloud_files('cdc', 'debezium-json');

        CREATE STREAMING TABLE truncated_changes AS SELECT * FROM STREAM
          read_files('truncated', format => 'debezium-json', schema => 'id INT, name STRING');
        CREATE STREAMING TABLE truncated;
        AUTO CDC INTO truncated FROM STREAM(truncated_changes) KEYS (id)
          APPLY AS DELETE WHEN _op = 'DELETE' APPLY AS TRUNCATE WHEN _op = 'TRUNCATE'
          SEQUENCE BY CAST(_source['lsn'] AS BIGINT) COLUMNS * EXCEPT (_op, _ts_ms, _source);
        """ + AUTO_CDC);
    p.write("truncated/1.json", """
        {"after": {"id": 1, "name": "ann"}, "op": "c", "ts_ms": 1, "source": {"lsn": 10}}
        {"after": {"id": 2, "name": "bob"}, "op": "c", "ts_ms": 2, "source": {"lsn": 20}}
        {"before": null, "after": null, "op": "t", "ts_ms": 3, "source": {"lsn": 30}}
        {"after": {"id": 3, "name": "cy"}, "op": "c", "ts_ms": 4, "source": {"lsn": 40}}
        """);
    p.write("cdc/1.json", """
        {"before": null, "after": {"id": 1, "name": "ann"}, "op": "r", "ts_ms": 1, "source": {"lsn": 10, "snapshot": "true"}}
        {"before": null, "after": {"id": 2, "name": "bob"}, "op": "c", "ts_ms": 2, "source": {"lsn": 20}}
        {"source": {"lsn": 25}, "databaseName": "shop", "ddl": "ALTER TABLE users ADD email TEXT"}
        {"before": {"id": 2, "name": "bob"}, "after": null, "op": "d", "ts_ms": 4, "source": {"lsn": 40}}
        """);
    p.write("cdc/2.json", """
        {"schema": {"type": "struct"}, "payload": {"before": {"id": 1, "name": "ann"}, "after": {"id": 1, "name": "anne"}, "op": "u", "ts_ms": 3, "source": {"lsn": 30}}}
        {"before": null, "after": {"id": 3, "name": "cy"}, "op": "c", "ts_ms": 5, "source": {"lsn": 50}}
        """);

    UpdateResult r = p.run();

    assertThat(r.succeeded()).as(r.toString()).isTrue();
    assertThat(current(p)).containsExactly("1 anne", "3 cy");
    List<Map<String, Object>> changes = p.table("changes").rows();
    assertThat(changes).hasSize(6);
    assertThat(changes).extracting(row -> row.get("_op"))
        .containsExactlyInAnyOrder("INSERT", "INSERT", null, "DELETE", "UPDATE", "INSERT");
    assertThat(changes).filteredOn(row -> row.get("_op") == null).singleElement()
        .satisfies(row -> assertThat((String) row.get("_rescued_data"))
            .contains("_malformed_record").contains("ALTER TABLE users ADD email TEXT"));
    assertThat(p.table("users_quarantine").rows()).as("the schema change has no sequence").hasSize(1);
    assertThat(p.table("truncated").rows()).extracting(row -> row.get("id")).as("a truncate at lsn 30")
        .containsExactly(3);
    List<Map<String, Object>> inferred = p.table("inferred").rows();
    assertThat(inferred.get(0).keySet()).containsExactly("id", "name", "_op", "_ts_ms", "_source", "_rescued_data");
    assertThat(inferred).filteredOn(row -> "UPDATE".equals(row.get("_op"))).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("id", 1L).containsEntry("name", "anne")
            .containsEntry("_ts_ms", 3L).containsEntry("_source", Map.of("lsn", "30")));
  }

  @Test
  void aKafkaTopicOfDebeziumMessagesFeedsAutoCdc() {
    kafka.createTopic("shop.public.users", 1);
    PipelineFixture p = CLUSTER.empty(dir.resolve("kafka"));
    p.write("pipeline.yaml", "name: kafka\ncheckpoints: {interval: 1s}\n"
        + "configuration: {kafka: \"" + kafka.bootstrapServers() + "\"}\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE changes AS SELECT * FROM STREAM read_kafka(
          bootstrapServers => '${kafka}', subscribe => 'shop.public.users', startingOffsets => 'earliest',
          format => 'debezium-json', schema => 'id INT, name STRING');
        """ + AUTO_CDC);
    String topic = "shop.public.users";
    kafka.produce(topic, "{\"id\":1}", "{\"before\":null,\"after\":{\"id\":1,\"name\":\"ann\"},\"op\":\"r\","
        + "\"ts_ms\":1,\"source\":{\"lsn\":10}}");
    kafka.produce(topic, "{\"id\":2}", "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"before\":null,"
        + "\"after\":{\"id\":2,\"name\":\"bob\"},\"op\":\"c\",\"ts_ms\":2,\"source\":{\"lsn\":20}}}");
    kafka.produce(topic, "{\"id\":2}", "{\"before\":{\"id\":2,\"name\":\"bob\"},\"after\":null,\"op\":\"d\","
        + "\"ts_ms\":3,\"source\":{\"lsn\":40}}");
    kafka.produce(topic, "{\"id\":2}", null);
    kafka.produce(topic, "{\"id\":1}", "{\"before\":{\"id\":1,\"name\":\"ann\"},\"after\":{\"id\":1,"
        + "\"name\":\"anne\"},\"op\":\"u\",\"ts_ms\":4,\"source\":{\"lsn\":30}}");

    UpdateResult first = p.run();

    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(current(p)).containsExactly("1 anne");
    assertThat(p.table("changes").rows()).as("the tombstone gives no row").hasSize(4);

    kafka.produce(topic, "{\"id\":3}", "{\"before\":null,\"after\":{\"id\":3,\"name\":\"cy\"},\"op\":\"c\","
        + "\"ts_ms\":5,\"source\":{\"lsn\":50}}");
    UpdateResult second = p.run();

    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(current(p)).containsExactly("1 anne", "3 cy");
    assertThat(p.table("changes").rows()).hasSize(5);
  }

  private static List<String> current(PipelineFixture p) {
    return p.table("users").rows().stream().map(row -> row.get("id") + " " + row.get("name")).sorted().toList();
  }
}
