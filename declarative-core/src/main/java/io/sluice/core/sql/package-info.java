/**
 * The SQL definition parser: turns a pipeline's {@code .sql} file, or a Databricks SQL notebook
 * export, into {@link io.sluice.core.model.DefinitionSet datasets, flows and settings}. The only
 * public class is {@link io.sluice.core.sql.SqlDefinitionParser}.
 *
 * <p>How a file is read, phase by phase:
 *
 * <ol>
 *   <li>{@code ParameterSubstitution}: {@code ${key}} from the configuration, into a {@link
 *       io.sluice.core.text.MappedText} that still maps every character to the file.
 *   <li>{@code SqlLexer}: tokens with offsets; white space and comments are tokens too, so
 *       rewriting copies ranges of the text unchanged.
 *   <li>{@code StatementSplitter}: statements end at {@code ;} or a notebook cell separator.
 *   <li>One parser per statement family ({@code DatasetStatementParser}, {@code
 *       FlowStatementParser}, {@code SinkStatementParser}, {@code SetStatementParser}), over a
 *       {@code TokenCursor} that builds "expected X, found Y" errors at the offending token. A
 *       {@code ParseFailure} ends only its statement.
 *   <li>{@code QueryRewriter}: {@code ReferenceScanner} finds tables in table position, {@code
 *       Placeholders} names them for Flink, {@code RegexpOperatorRewriter} and {@code Literals}
 *       turn Spark syntax into Flink's; all edits go through {@code TextEdits} so positions keep
 *       mapping back to the file.
 * </ol>
 */
package io.sluice.core.sql;
