package io.sluice.cli;

import java.util.ArrayList;
import java.util.List;

/** A failure's message with its causes, each once. */
final class ErrorText {
  private ErrorText() {}

  static String of(Throwable e) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
      if (parts.stream().noneMatch(p -> p.contains(m))) {
        parts.add(m);
      }
    }
    return String.join(System.lineSeparator() + "  caused by: ", parts);
  }
}
