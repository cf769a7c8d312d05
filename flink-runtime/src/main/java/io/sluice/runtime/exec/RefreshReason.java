package io.sluice.runtime.exec;

import io.sluice.runtime.state.FlowState;
import java.util.Map;
import java.util.Optional;

/** Why a materialized view must be recomputed, or empty when it is up to date. */
final class RefreshReason {
  private RefreshReason() {}

  static Optional<String> of(FlowState state, String fingerprint, Map<String, String> versions) {
    if (state.fingerprint().isEmpty()) {
      return Optional.of("first refresh");
    }
    if (!state.fingerprint().get().equals(fingerprint)) {
      return Optional.of("its definition changed");
    }
    for (Map.Entry<String, String> v : versions.entrySet()) {
      if (!v.getValue().equals(state.inputVersions().get(v.getKey()))) {
        return Optional.of("input " + v.getKey() + " changed");
      }
    }
    return Optional.empty();
  }
}
