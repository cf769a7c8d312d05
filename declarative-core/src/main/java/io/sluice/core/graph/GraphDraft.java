package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Flow;
import java.util.Map;
import java.util.Set;

/** What the rules check: the raw definitions (duplicates included) and the graph built from them. */
record GraphDraft(
    DefinitionSet definitions,
    Map<String, Dataset> datasets,
    Map<String, Flow> flows,
    Map<String, Set<String>> inputs,
    Topology topology) {}
