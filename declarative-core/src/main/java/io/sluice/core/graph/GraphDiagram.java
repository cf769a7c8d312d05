package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TemporaryView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The dependency graph as text for people (upstream first), as Mermaid, or as Graphviz DOT. Nodes
 * are datasets and the external inputs they read (files, tables by path); edges follow the data.
 */
public final class GraphDiagram {
  private final PipelineGraph graph;

  public GraphDiagram(PipelineGraph graph) {
    this.graph = graph;
  }

  /** One edge: from a dataset or external input to a dataset, labelled with the flow. */
  record Edge(String from, String to, String flow, boolean streaming, boolean external) {}

  List<Edge> edges() {
    List<Edge> edges = new ArrayList<>();
    for (Dataset d : graph.datasetsInOrder()) {
      List<Reference> refs = new ArrayList<>();
      List<String> via = new ArrayList<>();
      if (d instanceof TemporaryView v) {
        v.query().references().forEach(r -> { refs.add(r); via.add(v.name()); });
      }
      for (Flow f : graph.flowsInto(d.name())) {
        if (f instanceof QueryFlow q) {
          q.query().references().forEach(r -> { refs.add(r); via.add(f.name()); });
        }
      }
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < refs.size(); i++) {
        Reference r = refs.get(i);
        String from = r.isDataset() ? r.name() : r.kind().name().toLowerCase(Locale.ROOT) + ":" + r.name();
        if (seen.add(from + "|" + via.get(i))) {
          edges.add(new Edge(from, d.name(), via.get(i), r.streaming(), !r.isDataset()));
        }
      }
    }
    return edges;
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Dataset d : graph.datasetsInOrder()) {
      sb.append(d.name()).append(" (").append(d.kind().label()).append(")\n");
      for (Edge e : edges()) {
        if (e.to().equals(d.name())) {
          sb.append("    <- ").append(e.from()).append(e.streaming() ? " [stream]" : "")
              .append(e.flow().equals(d.name()) ? "" : "  via flow " + e.flow()).append('\n');
        }
      }
    }
    for (String c : graph.cyclic()) {
      sb.append(c).append(" (on a cycle: not ordered)\n");
    }
    return sb.toString();
  }

  public String mermaid() {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    for (Dataset d : graph.datasets().values()) {
      sb.append("  ").append(id(d.name())).append(shape(d)).append('\n');
    }
    for (Edge e : edges()) {
      if (e.external()) {
        sb.append("  ").append(id(e.from())).append("[/\"").append(escape(e.from())).append("\"/]\n");
      }
      sb.append("  ").append(id(e.from())).append(e.streaming() ? " ==> " : " --> ").append(id(e.to())).append('\n');
    }
    return sb.toString();
  }

  public String dot() {
    StringBuilder sb = new StringBuilder("digraph pipeline {\n  rankdir=LR;\n");
    for (Dataset d : graph.datasets().values()) {
      sb.append("  \"").append(d.name()).append("\" [label=\"").append(d.name()).append("\\n")
          .append(d.kind().label()).append("\"];\n");
    }
    for (Edge e : edges()) {
      if (e.external()) {
        sb.append("  \"").append(escape(e.from())).append("\" [shape=note];\n");
      }
      sb.append("  \"").append(escape(e.from())).append("\" -> \"").append(e.to()).append('"')
          .append(e.streaming() ? " [style=bold]" : "").append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static String shape(Dataset d) {
    String label = "\"" + d.name() + "<br/><i>" + d.kind().label() + "</i>\"";
    switch (d.kind()) {
      case STREAMING_TABLE:
        return "[[" + label + "]]";
      case MATERIALIZED_VIEW:
        return "[(" + label + ")]";
      case TEMPORARY_VIEW:
        return "(" + label + ")";
      default:
        return ">" + label + "]";
    }
  }

  private static String id(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static String escape(String s) {
    return s.replace("\"", "'");
  }
}
