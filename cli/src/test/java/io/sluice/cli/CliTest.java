package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line without running jobs: validate, graph, init, exit codes. */
class CliTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path brokenPipeline() throws Exception {
    Path p = dir.resolve("broken");
    Files.createDirectories(p);
    Files.writeString(p.resolve("pipeline.yaml"), "name: broken\n");
    Files.writeString(p.resolve("defs.sql"), """
        CREATE MATERIALIZED VIEW a AS SELECT * FROM b;
        CREATE MATERIALIZED VIEW b AS SELECT * FROM a;
        CREATE MATERIALIZED VIEW c AS SELECT * FROM unknwn;
        CREATE MATERIALIZED VIEW d AS SELECT x FROM (VALUES (1)) AS t(y);
        """);
    return p;
  }

  @Test
  void validateReportsEveryErrorWithItsLocationAndFails() throws Exception {
    Run r = cli("validate", brokenPipeline().toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("defs.sql:1:26: error CYCLE")
        .contains("defs.sql:3:45: error UNKNOWN_REFERENCE")
        .contains("defs.sql:4:38: error QUERY_INVALID")
        .contains("3 errors");
  }

  @Test
  void validateSpeaksJsonToTools() throws Exception {
    Run r = cli("validate", brokenPipeline().toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("errors").asInt()).isEqualTo(3);
    assertThat(json.get("problems").get(0).get("file").asText()).isEqualTo("defs.sql");
    assertThat(json.get("problems").findValuesAsText("code")).contains("CYCLE", "UNKNOWN_REFERENCE", "QUERY_INVALID");
  }

  @Test
  void initWritesAValidSkeletonAndRefusesToOverwrite() {
    Run created = cli("init", "shop", "--dir", dir.toString());
    assertThat(created.exit()).isZero();
    assertThat(dir.resolve("shop/pipeline.yaml")).exists();
    Run valid = cli("validate", dir.resolve("shop").toString());
    assertThat(valid.exit()).as(valid.out()).isZero();
    assertThat(valid.out()).contains("is valid: 3 datasets, 3 flows");
    assertThat(cli("init", "shop", "--dir", dir.toString()).exit()).isEqualTo(1);
  }

  @Test
  void graphPrintsMermaidAndDot() {
    Path example = Path.of("../examples/retail");
    Run mermaid = cli("graph", example.toString(), "--format", "mermaid");
    assertThat(mermaid.exit()).isZero();
    assertThat(mermaid.out()).startsWith("flowchart LR").contains("raw_orders ==> cleaned_orders")
        .contains("cleaned_customers --> enriched_customers");
    Run dot = cli("graph", example.toString(), "--format", "dot");
    assertThat(dot.out()).contains("\"enriched_customers\" -> \"customer_segments\"");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(cli("run", "--no-such-option", "x").exit()).isEqualTo(2);
  }

  @Test
  void missingPipelineSaysWhatToDo() {
    Run r = cli("validate", dir.resolve("nothing").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("SPEC_NOT_FOUND").contains("sluice init");
  }
}
