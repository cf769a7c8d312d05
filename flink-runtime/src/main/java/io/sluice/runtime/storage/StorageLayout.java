package io.sluice.runtime.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a pipeline keeps everything under its storage root.
 *
 * <pre>
 * storage/
 *   tables/&lt;dataset&gt;/                 Delta or Iceberg table of each persisted dataset
 *   system/flows/&lt;flow&gt;/state.json     durable state of each flow (restore point, lineage)
 *   system/flows/&lt;flow&gt;/checkpoints/   retained checkpoints of the flow's running job
 *   system/flows/&lt;flow&gt;/savepoints/    savepoints taken when a triggered run stops
 *   system/flows/&lt;flow&gt;/schemas/       inferred schemas of the flow's file sources
 *   system/updates/&lt;update&gt;/          per-update scratch (catch-up markers)
 * </pre>
 */
public record StorageLayout(Path root) {

  public StorageLayout {
    root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  public Path tables() {
    return root.resolve("tables");
  }

  public Path table(String dataset) {
    return tables().resolve(dataset);
  }

  public Path system() {
    return root.resolve("system");
  }

  public Path flow(String flow) {
    return system().resolve("flows").resolve(flow);
  }

  public Path flowState(String flow) {
    return flow(flow).resolve("state.json");
  }

  public Path checkpoints(String flow) {
    return flow(flow).resolve("checkpoints");
  }

  public Path savepoints(String flow) {
    return flow(flow).resolve("savepoints");
  }

  public Path schemas(String flow) {
    return flow(flow).resolve("schemas");
  }

  public Path update(String updateId) {
    return system().resolve("updates").resolve(updateId);
  }

  /** The marker a source of a flow creates when it has caught up in an update. */
  public Path catchUpMarker(String updateId, String flow, String sourceKey) {
    return update(updateId).resolve("caught-up").resolve(flow).resolve(sourceKey);
  }

  /** The publish gate of a flow in an update (see {@code PublishGate}). */
  public Path publishGate(String updateId, String flow) {
    return update(updateId).resolve("publish").resolve(flow);
  }

  /** Created by {@code sluice stop}: asks the continuous run of this pipeline to stop. */
  public Path stopRequest() {
    return system().resolve("control").resolve("stop");
  }

  /** Written while a continuous run is active: its process id and update id. */
  public Path activeRun() {
    return system().resolve("control").resolve("running");
  }

  /** A file-system URI string for Flink and the connectors ({@code file:///...}). */
  public static String uri(Path path) {
    return path.toAbsolutePath().normalize().toUri().toString();
  }
}
