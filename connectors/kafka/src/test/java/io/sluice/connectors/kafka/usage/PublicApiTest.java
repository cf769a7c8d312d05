package io.sluice.connectors.kafka.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.files.FileSchemaInference;
import io.sluice.connectors.kafka.KafkaInput;
import io.sluice.connectors.kafka.KafkaOutput;
import io.sluice.connectors.progress.CatchUpMarker;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.junit.jupiter.api.Test;

/** Uses the connector from another package, through its public API only. */
class PublicApiTest {
  @Test
  void wiresASourceAndAnExactlyOnceSinkWithDeterministicUids() {
    KafkaInput input = KafkaInput.builder()
        .options(Map.of("kafka.bootstrap.servers", "localhost:9092", "topic", "in",
            "startingOffsets", "earliest", "includeKey", "true"))
        .schema(FileSchemaInference.parseSchema("id BIGINT, name STRING"))
        .metadataColumns(List.of("partition", "offset"))
        .catchUpMarker(CatchUpMarker.none());
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

    DataStream<RowData> rows =
        env.fromSource(input.build(), WatermarkStrategy.noWatermarks(), "kafka").uid("flow-source");
    KafkaOutput.exactlyOnce(rows, input.producedType(),
        Map.of("kafka.bootstrap.servers", "localhost:9092", "topic", "out", "keyColumn", "key"),
        "flow");

    assertThat(rows.getType()).isEqualTo(InternalTypeInfo.of(input.producedType()));
    assertThat(input.producedType().getFieldNames())
        .containsExactly("id", "name", "_rescued_data", "key", "partition", "offset");
    assertThat(env.getStreamGraph().getStreamNodes()).extracting(StreamNode::getTransformationUID)
        .containsExactlyInAnyOrder("flow-source", "flow-kafka-sink",
            "Sink Committer: flow-kafka-sink"); // Flink derives the committer's from the sink's
  }
}
