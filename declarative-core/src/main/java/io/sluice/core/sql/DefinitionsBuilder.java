package io.sluice.core.sql;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Flow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what the statements of one file define, in the order they were read. */
final class DefinitionsBuilder {
  private final List<Dataset> datasets = new ArrayList<>();
  private final List<Flow> flows = new ArrayList<>();
  private final Map<String, String> settings = new LinkedHashMap<>();

  void add(Dataset dataset) {
    datasets.add(dataset);
  }

  void add(Flow flow) {
    flows.add(flow);
  }

  void set(String key, String value) {
    settings.put(key, value);
  }

  DefinitionSet build() {
    return new DefinitionSet(datasets, flows, settings);
  }
}
