package io.sluice.core.problem;

import io.sluice.core.model.SourceLocation;
import java.util.Map;
import java.util.Objects;

/**
 * One thing wrong with a pipeline definition.
 *
 * @param code stable identifier, what tests and tools match on
 * @param severity error (stops the run) or warning
 * @param location file, line and column the problem points at
 * @param message what is wrong, phrased "Cannot X: Y"
 * @param action what the user can do about it
 * @param params the values the message was built from (names, paths), for tools
 */
public record Problem(
    ErrorCode code,
    Severity severity,
    SourceLocation location,
    String message,
    String action,
    Map<String, String> params) {

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    action = action == null ? "" : action;
    params = Map.copyOf(params);
  }

  public static Problem error(ErrorCode code, SourceLocation location, String message, String action) {
    return new Problem(code, Severity.ERROR, location, message, action, Map.of());
  }

  public static Problem warning(
      ErrorCode code, SourceLocation location, String message, String action) {
    return new Problem(code, Severity.WARNING, location, message, action, Map.of());
  }

  public Problem withParams(Map<String, String> values) {
    return new Problem(code, severity, location, message, action, values);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error CODE: message} and the action on a second line. */
  public String render() {
    String head =
        location + ": " + severity.name().toLowerCase() + " " + code + ": " + message;
    return action.isEmpty() ? head : head + System.lineSeparator() + "    " + action;
  }

  @Override
  public String toString() {
    return render();
  }
}
