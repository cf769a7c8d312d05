package io.sluice.core.events;

import java.util.List;
import java.util.Objects;

/** An error carried by an event: its message and the messages of its causes, outermost first. */
public record EventError(String message, List<String> causes) {

  public EventError {
    Objects.requireNonNull(message, "message");
    causes = List.copyOf(causes);
  }

  /** The error of a throwable, with its cause chain (each message once). */
  public static EventError of(Throwable t) {
    String message = text(t);
    List<String> causes = new java.util.ArrayList<>();
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      String m = text(c);
      if (!m.equals(message) && !causes.contains(m)) {
        causes.add(m);
      }
    }
    return new EventError(message, causes);
  }

  private static String text(Throwable t) {
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }
}
