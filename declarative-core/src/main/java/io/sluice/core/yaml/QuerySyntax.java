package io.sluice.core.yaml;

import io.sluice.core.model.Query;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import java.util.Optional;

/**
 * How query text written outside a SQL file (in YAML, or in code) is read: the same parameter
 * substitution, references and rewriting as in SQL definition files.
 */
public interface QuerySyntax {

  /** Replaces {@code ${key}} parameters; unknown keys are problems. */
  MappedText substitute(MappedText text, Problems problems);

  /** A query body: references found and replaced by placeholders; empty if it cannot be read. */
  Optional<Query> query(MappedText text, Problems problems);

  /**
   * An AUTO CDC statement ({@code AUTO CDC INTO target FROM ...}) as a flow named after its
   * target; empty if it cannot be read.
   */
  Optional<io.sluice.core.model.QueryFlow> changeFlow(MappedText statement, Problems problems);

  /** A boolean expression (an expectation's predicate) in Flink SQL; empty if it cannot be read. */
  Optional<MappedText> expression(MappedText text, Problems problems);
}
