package io.sluice.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one or more definition files declare: datasets, flows and {@code SET} settings, in the order
 * they were read. Duplicates are kept here so that validation can report them.
 */
public record DefinitionSet(List<Dataset> datasets, List<Flow> flows, Map<String, String> settings) {

  public static final DefinitionSet EMPTY = new DefinitionSet(List.of(), List.of(), Map.of());

  public DefinitionSet {
    datasets = List.copyOf(datasets);
    flows = List.copyOf(flows);
    settings = Map.copyOf(settings);
  }

  public DefinitionSet plus(DefinitionSet other) {
    List<Dataset> ds = new ArrayList<>(datasets);
    ds.addAll(other.datasets);
    List<Flow> fs = new ArrayList<>(flows);
    fs.addAll(other.flows);
    Map<String, String> s = new LinkedHashMap<>(settings);
    s.putAll(other.settings);
    return new DefinitionSet(ds, fs, s);
  }
}
