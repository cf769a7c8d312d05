package io.sluice.connectors.delta;

import java.util.List;

/**
 * Checkpointed state of the split enumerator.
 *
 * @param lastEnumeratedVersion the last table version whose files became splits, -1 before the
 *     first snapshot was listed
 * @param pending splits not yet assigned to a reader, in assignment order
 */
record DeltaEnumeratorState(long lastEnumeratedVersion, List<DeltaSplit> pending) {}
