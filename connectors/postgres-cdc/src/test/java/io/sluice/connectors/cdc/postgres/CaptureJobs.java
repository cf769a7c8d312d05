package io.sluice.connectors.cdc.postgres;

import io.sluice.testing.postgres.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.types.logical.RowType;

/**
 * The jobs the connector's cluster tests run: a source of the test server's tables, its rows
 * collected into {@link Change#OUTPUT}, with fixed UIDs so savepoints restore.
 */
final class CaptureJobs {
  private CaptureJobs() {}

  /** A source of {@code tables} on the test server, through replication slot {@code slot}. */
  static PostgresCdcInput input(EmbeddedPostgres postgres, String slot, String... tables) {
    return PostgresCdcInput.builder()
        .hostname(postgres.host())
        .port(postgres.port())
        .database(postgres.database())
        .username(postgres.user())
        .password(postgres.password())
        .tableList(tables)
        .slotName(slot);
  }

  /** Starts a job of {@code input} (checkpoints every 300 ms), from {@code savepoint} if not null. */
  static JobClient start(PostgresCdcInput input, RowType type, String savepoint, int parallelism)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.enableCheckpointing(300);
    env.fromSource(input.build(), WatermarkStrategy.noWatermarks(), "postgres-cdc").uid("cdc")
        .map(new Change.Collect(type)).uid("collect")
        .sinkTo(new DiscardingSink<>()).uid("discard");
    return env.executeAsync("postgres-cdc");
  }

  /** The changes collected so far, as "UPDATE 2=3" (columns id and v). */
  static List<String> ops() {
    List<String> ops = new ArrayList<>();
    for (Change change : Change.OUTPUT) {
      ops.add(change.op() + " " + change.get("id") + "=" + change.get("v"));
    }
    return ops;
  }
}
