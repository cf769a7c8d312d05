package io.sluice.core.model;

/**
 * What fills a dataset. A dataset defined with a query has one implicit flow with the dataset's
 * name; {@code CREATE FLOW} adds explicit ones.
 */
public sealed interface Flow permits QueryFlow {

  /** The normalized (lower-case) name. */
  String name();

  /** The normalized name of the dataset the flow writes. */
  String target();

  /** Whether the flow was declared by a dataset's own query rather than by CREATE FLOW. */
  boolean implicit();

  SourceLocation location();
}
