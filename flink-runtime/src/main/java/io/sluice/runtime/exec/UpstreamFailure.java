package io.sluice.runtime.exec;

import java.util.Locale;

/** Why a flow was skipped: a flow it depends on failed or was skipped itself. */
public final class UpstreamFailure extends Exception {
  public UpstreamFailure(String upstream, FlowStatus status) {
    super("upstream flow '" + upstream + "' " + status.name().toLowerCase(Locale.ROOT), null, false, false);
  }
}
