package io.sluice.core.sql;

/**
 * Where a query reads a table, before placeholders are assigned.
 *
 * @param start offset of the first replaced character ({@code STREAM}, {@code LIVE} or the name)
 * @param end offset after the last replaced character
 * @param aliased an alias follows (or a clause before which Flink allows none), so none is added
 */
record ReferenceSite(TableSource source, boolean streaming, int start, int end, boolean aliased) {}
