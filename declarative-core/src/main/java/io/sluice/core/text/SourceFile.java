package io.sluice.core.text;

import io.sluice.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The text of one definition file, able to turn a character offset into a line and column. */
public final class SourceFile {
  private final String name;
  private final String content;
  private final int[] lineStarts;

  public SourceFile(String name, String content) {
    this.name = Objects.requireNonNull(name, "name");
    this.content = Objects.requireNonNull(content, "content");
    this.lineStarts = lineStarts(content);
  }

  public String name() {
    return name;
  }

  public String content() {
    return content;
  }

  /** The whole file as mapped text: every character maps to itself. */
  public MappedText text() {
    int[] origins = new int[content.length() + 1];
    for (int i = 0; i < origins.length; i++) {
      origins[i] = i;
    }
    return new MappedText(content, origins, this);
  }

  /** The location of a character offset (clamped into the file). */
  public SourceLocation locate(int offset) {
    int clamped = Math.max(0, Math.min(offset, content.length()));
    int line = lineOf(clamped);
    return new SourceLocation(name, line + 1, clamped - lineStarts[line] + 1);
  }

  /** The character offset of a 1-based line and column (clamped into the file). */
  public int offsetOf(int line, int column) {
    return offsetOf(lineStarts, content.length(), line, column);
  }

  static int offsetOf(int[] lineStarts, int length, int line, int column) {
    int l = Math.max(1, Math.min(line, lineStarts.length)) - 1;
    int lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] : length;
    return Math.max(lineStarts[l], Math.min(lineStarts[l] + Math.max(column, 1) - 1, lineEnd));
  }

  private int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return name;
  }
}
