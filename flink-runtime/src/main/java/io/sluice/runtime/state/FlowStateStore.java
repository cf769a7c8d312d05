package io.sluice.runtime.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.storage.StorageLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes {@link FlowState} as versioned JSON ({@code "format": 1}). Writes go to a
 * temporary file that is then renamed over the old one, so a crash leaves the old or the new
 * state, never half of one.
 */
public final class FlowStateStore {
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StorageLayout layout;

  public FlowStateStore(StorageLayout layout) {
    this.layout = layout;
  }

  public Optional<FlowState> read(String flow) {
    Path file = layout.flowState(flow);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(file.toFile());
      int format = n.path("format").asInt(-1);
      if (format != FORMAT) {
        throw new IllegalStateException("Cannot read " + file + ": state format " + format
            + " is not supported by this version of Sluice (expects " + FORMAT + ")");
      }
      Map<String, String> versions = new LinkedHashMap<>();
      n.path("input_versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
      Map<String, Long> baseline = new LinkedHashMap<>();
      n.path("quality_baseline").fields().forEachRemaining(e -> baseline.put(e.getKey(), e.getValue().asLong()));
      return Optional.of(new FlowState(
          n.path("lineage").asText(),
          text(n, "restore_path"),
          text(n, "running_job"),
          text(n, "fingerprint"),
          n.path("once_done").asBoolean(false),
          versions,
          baseline));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read flow state " + file, e);
    }
  }

  public FlowState readOrFresh(String flow) {
    return read(flow).orElseGet(FlowState::fresh);
  }

  public void write(String flow, FlowState state) {
    Path file = layout.flowState(flow);
    ObjectNode n = JSON.createObjectNode();
    n.put("format", FORMAT);
    n.put("flow", flow);
    n.put("lineage", state.lineage());
    state.restorePath().ifPresent(p -> n.put("restore_path", p));
    state.runningJob().ifPresent(j -> n.put("running_job", j));
    state.fingerprint().ifPresent(f -> n.put("fingerprint", f));
    n.put("once_done", state.onceDone());
    ObjectNode versions = n.putObject("input_versions");
    state.inputVersions().forEach(versions::put);
    ObjectNode baseline = n.putObject("quality_baseline");
    state.qualityBaseline().forEach(baseline::put);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), n);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write flow state " + file, e);
    }
  }

  /** Forgets a flow's state (full refresh): the next run starts from nothing. */
  public void reset(String flow) {
    write(flow, FlowState.fresh());
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
