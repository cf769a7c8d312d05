package io.sluice.runtime.exec;

/** A flow's job failed; the cause is the job's own failure. */
public final class FlowFailedException extends Exception {
  public FlowFailedException(String flow, Throwable cause) {
    super("Flow '" + flow + "' failed: " + rootMessage(cause), cause);
  }

  /** The innermost message, which usually says what went wrong in user terms. */
  public static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }
}
