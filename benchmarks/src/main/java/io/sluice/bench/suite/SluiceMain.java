package io.sluice.bench.suite;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.runtime.exec.DatasetQuality;
import io.sluice.runtime.exec.EmbeddedCluster;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.exec.UpdateRunner;
import io.sluice.runtime.plan.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code sluice} engine of the suite (WORKLOADS.md): each workload is a pipeline folder whose
 * definitions are written here and run once, as {@code sluice run} would, on an embedded cluster.
 *
 * <p>Where the tables go: a pipeline keeps its tables under {@code <storage>/tables/<dataset>};
 * here {@code <storage>/tables} is a symbolic link to the folder the contract names (the output
 * table's parent, or W2's {@code outDir}) and the dataset is named after the table, so Sluice
 * writes exactly where the contract says with nothing copied, and its state, checkpoints and
 * event log stay in the pipeline folder: a temporary one, deleted afterwards, except for W4,
 * and W5, whose pipeline folder is {@code stateDir}. W2's quarantine table is Sluice's default
 * {@code <dataset>_quarantine}, i.e. {@code <outDir>/silver_lineitem_quarantine}. W5 runs
 * continuously (see {@link SluiceContinuous}).
 *
 * <pre>
 * SluiceMain W1 &lt;lineitemJsonDir&gt; &lt;outTable&gt;
 * SluiceMain W2 &lt;bronzeTable&gt; &lt;outDir&gt; &lt;5|0&gt;
 * SluiceMain W3 &lt;parquetDir&gt; &lt;outTable&gt;
 * SluiceMain W4 &lt;lineitemJsonDir&gt; &lt;outTable&gt; &lt;stateDir&gt;
 * SluiceMain W5 &lt;bootstrapServers&gt; &lt;inTopic&gt; &lt;outTopic&gt; &lt;outTable&gt; &lt;stateDir&gt; &lt;commitMillis&gt;
 * </pre>
 */
public final class SluiceMain {
  private SluiceMain() {}

  public static void main(String[] args) throws Exception {
    String workload = args.length == 0 ? "" : args[0];
    SluiceWorkload w;
    try {
      w = SluiceWorkload.of(workload, args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean temporary = !workload.equals("W4") && !workload.equals("W5");
    Path folder = temporary ? Files.createTempDirectory("sluice-suite-")
        : abs(workload.equals("W4") ? args[3] : args[5]);
    try {
      w.writeTo(folder);
      System.out.println((workload.equals("W5") ? SluiceContinuous.run(folder, w) : run(folder, w)).format());
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1); // even if a library left a non-daemon thread behind
    } finally {
      if (temporary) {
        TpchData.delete(folder); // removes the tables link, never what it points to
      }
    }
    System.exit(0);
  }

  private static ResultLine run(Path folder, SluiceWorkload w) throws Exception {
    LoadedPipeline p = PipelineLoader.load(folder, Map.of());
    if (p.hasErrors()) {
      throw new IllegalStateException(p.problems().toString());
    }
    try (EmbeddedCluster cluster = EmbeddedCluster.start(4, EngineConfig.cluster(p.spec()))) {
      UpdateRunner runner = new UpdateRunner(cluster, UpdateListener.NONE, EngineConfig.of(p.spec()));
      long start = System.nanoTime();
      UpdateResult r = runner.run(p.spec(), p.graph(), p.problems(), RunOptions.ALL);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!r.succeeded()) {
        throw new IllegalStateException("update failed: " + r);
      }
      FlowResult flow = r.flows().stream().filter(f -> f.target().equals(w.dataset())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no flow wrote " + w.dataset() + ": " + r));
      Map<String, Long> failures = new LinkedHashMap<>();
      for (DatasetQuality q : flow.quality()) {
        q.checks().forEach(c -> failures.merge(c.name(), c.failed(), Long::sum));
      }
      return new ResultLine("sluice", w.workload(), flow.rowsRead(), seconds,
          ResultLine.peakRss("self"), failures);
    }
  }

  static Path abs(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }
}
