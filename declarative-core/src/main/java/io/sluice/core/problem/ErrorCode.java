package io.sluice.core.problem;

/**
 * Every problem Sluice reports about a pipeline definition has one of these codes. Tests and tools
 * rely on the code, never on the wording of the message.
 */
public enum ErrorCode {
  // pipeline.yaml and project layout
  SPEC_NOT_FOUND,
  SPEC_SYNTAX,
  SPEC_UNKNOWN_KEY,
  SPEC_INVALID_VALUE,
  SPEC_MISSING_KEY,
  LIBRARY_NOT_FOUND,
  LIBRARY_UNREADABLE,

  // definition files
  SQL_SYNTAX,
  UNSUPPORTED_STATEMENT,
  UNKNOWN_PARAMETER,
  YAML_SYNTAX,
  YAML_UNKNOWN_KEY,
  YAML_INVALID_VALUE,
  YAML_MISSING_KEY,
  INVALID_NAME,

  // graph
  DUPLICATE_DATASET,
  DUPLICATE_FLOW,
  UNKNOWN_REFERENCE,
  CYCLE,
  FLOW_TARGET_UNDECLARED,
  FLOW_TARGET_NOT_WRITABLE,
  STREAM_OF_MATERIALIZED_VIEW,
  MISSING_QUERY,
  NO_FLOWS,
  DUPLICATE_EXPECTATION,

  // queries and schemas, found by the engine's planner
  QUERY_INVALID,
  COLUMN_TYPE_INVALID,
  SCHEMA_MISMATCH,
  PARTITION_COLUMN_UNKNOWN,
  EXPECTATION_INVALID,
  SOURCE_INVALID,
  UPSTREAM_INVALID,
  UNSUPPORTED_FEATURE,

  // running
  FULL_REFRESH_NOT_ALLOWED,
  UNKNOWN_DATASET_SELECTED
}
