package io.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.problem.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems for people (file:line:column, message, action) or for tools (JSON). */
final class ProblemPrinter {
  private ProblemPrinter() {}

  static void text(List<Problem> problems, PrintWriter out) {
    for (Problem p : problems) {
      out.println(p.render());
    }
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    if (!problems.isEmpty()) {
      out.println(errors + (errors == 1 ? " error" : " errors") + ", " + warnings
          + (warnings == 1 ? " warning" : " warnings"));
    }
    out.flush();
  }

  static void json(List<Problem> problems, PrintWriter out) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("errors", problems.stream().filter(Problem::isError).count());
    root.put("warnings", problems.stream().filter(p -> !p.isError()).count());
    ArrayNode list = root.putArray("problems");
    for (Problem p : problems) {
      ObjectNode n = list.addObject();
      n.put("code", p.code().name());
      n.put("severity", p.severity().name());
      n.put("file", p.location().file());
      n.put("line", p.location().line());
      n.put("column", p.location().column());
      n.put("message", p.message());
      n.put("action", p.action());
      ObjectNode params = n.putObject("params");
      p.params().forEach(params::put);
    }
    try {
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }
}
