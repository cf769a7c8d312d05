package io.sluice.connectors.files.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.files.FileFormat;
import io.sluice.connectors.files.FileIngestSource;
import io.sluice.connectors.files.FileSchemaInference;
import io.sluice.connectors.progress.CatchUpMarker;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.junit.jupiter.api.Test;

/** Uses the connector from another package, through its public API only. */
class PublicApiTest {
  @Test
  void buildsASourceAndAStreamFromOutsideThePackage() {
    FileIngestSource source = FileIngestSource.builder("file:///landing/*.csv")
        .format(FileFormat.CSV)
        .formatOptions(Map.of("header", "true", "delimiter", ";"))
        .schema(FileSchemaInference.parseSchema("id BIGINT, name STRING"))
        .rescuedDataColumn("_rescued")
        .boundedness(Boundedness.CONTINUOUS_UNBOUNDED)
        .discoveryInterval(Duration.ofSeconds(5))
        .maxFilesPerTrigger(10)
        .catchUpMarker(CatchUpMarker.none())
        .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    DataStream<RowData> rows = env.fromSource(source, WatermarkStrategy.noWatermarks(), "files");

    assertThat(rows.getType()).isEqualTo(InternalTypeInfo.of(source.producedType()));
    assertThat(source.producedType().getFieldNames()).containsExactly("id", "name", "_rescued");
  }
}
