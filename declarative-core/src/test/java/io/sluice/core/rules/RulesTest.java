package io.sluice.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesTest {

  @Test
  void datasetsGetTheRulesOfTheirTagsAfterTheirOwnExpectations() {
    LoadedPipeline p = PipelineLoader.load(Path.of("src/test/resources/pipelines/rules"), Map.of());
    List<Expectation> clients = p.graph().requireDataset("clients").spec().expectations();
    assertThat(clients).extracting(Expectation::name)
        .as("own expectations first, then rules in the order of their files")
        .containsExactly("own", "sane_amount", "not_placeholder", "has_id", "email_shape");
    assertThat(clients).extracting(Expectation::action).containsExactly(ViolationAction.WARN,
        ViolationAction.WARN, ViolationAction.WARN, ViolationAction.DROP, ViolationAction.QUARANTINE);
    assertThat(clients.get(4).predicate().text()).isEqualTo("REGEXP(email, '^[^@]+@[^@]+$')");
    assertThat(clients.get(1).location().toString()).isEqualTo("rules/accuracy.csv:2:1");
    assertThat(p.graph().requireDataset("contacts").spec().expectations()).extracting(Expectation::name)
        .containsExactly("email_shape");
    assertThat(p.problems()).extracting(Problem::code).containsExactly(ErrorCode.UNKNOWN_REFERENCE);
    assertThat(p.problems().get(0).isError()).as("an unknown tag is a warning").isFalse();
  }

  @Test
  void csvCellsKeepTheirPositionsForErrors() {
    SourceFile csv = new SourceFile("r.csv", "name,tag,expression\nx,t,\"a >\n  b\"\n");
    List<Rule> rules = RuleFileParser.parse(csv, new SqlQuerySyntax(Map.of()), new Problems());
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).expression().text()).isEqualTo("a >\n  b");
    assertThat(rules.get(0).expression().locate(2, 3).toString()).isEqualTo("r.csv:3:3");
  }

  @Test
  void badRulesAreReportedWithTheirFileAndLine() {
    Problems problems = new Problems();
    RuleFileParser.parse(new SourceFile("q.yaml", """
        rules:
          - name: a
            expression: x > 0
            action: explode
            tag: t
          - name: b
            expression: y > 0
        """), new SqlQuerySyntax(Map.of()), problems);
    assertThat(problems.list()).extracting(p -> p.code() + "@" + p.location())
        .containsExactly("YAML_INVALID_VALUE@q.yaml:4:13", "YAML_MISSING_KEY@q.yaml:6:5");
  }
}
