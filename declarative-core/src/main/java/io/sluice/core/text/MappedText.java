package io.sluice.core.text;

import io.sluice.core.model.SourceLocation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Text derived from a definition file that remembers, for every character, where it came from.
 *
 * <p>Sluice rewrites what users write before Flink sees it (parameters substituted, {@code
 * STREAM(x)} and {@code LIVE.x} replaced, Spark-style double-quoted strings turned into SQL
 * strings). Errors that Flink reports against the rewritten text are mapped back through this
 * class to the file, line and column the user wrote. Rewriting a mapped text again composes the
 * mapping, because each character carries its origin in the file.
 */
public final class MappedText {
  private final String text;
  private final int[] origins;
  private final SourceFile file;

  MappedText(String text, int[] origins, SourceFile file) {
    if (origins.length != text.length() + 1) {
      throw new IllegalArgumentException("Need one origin per character plus one for the end");
    }
    this.text = text;
    this.origins = origins;
    this.file = Objects.requireNonNull(file, "file");
  }

  /** Text made in code, not read from a file; every position maps to {@code location}'s file. */
  public static MappedText synthetic(String text, String origin) {
    return new SourceFile(origin, text).text();
  }

  public String text() {
    return text;
  }

  public SourceFile file() {
    return file;
  }

  public int length() {
    return text.length();
  }

  /** The offset in the original file of a character of this text. */
  public int originOf(int offset) {
    return origins[Math.max(0, Math.min(offset, text.length()))];
  }

  /** Where a character of this text was written. */
  public SourceLocation locate(int offset) {
    return file.locate(originOf(offset));
  }

  /** Where a 1-based line and column of this text (as Flink reports them) were written. */
  public SourceLocation locate(int line, int column) {
    int[] starts = SourceFile.lineStarts(text);
    return locate(SourceFile.offsetOf(starts, text.length(), line, column));
  }

  /** Where this text starts in its file. */
  public SourceLocation start() {
    return locate(firstNonBlank());
  }

  public MappedText substring(int start, int end) {
    return new Builder(file).append(this, start, end).build();
  }

  /** This text without leading and trailing white space. */
  public MappedText strip() {
    int start = firstNonBlank();
    int end = text.length();
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return substring(start, end);
  }

  private int firstNonBlank() {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  public static Builder builder(SourceFile file) {
    return new Builder(file);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MappedText other
        && text.equals(other.text)
        && Arrays.equals(origins, other.origins)
        && file.name().equals(other.file.name());
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Builds a new mapped text from pieces of others and from inserted text. */
  public static final class Builder {
    private final SourceFile file;
    private final StringBuilder text = new StringBuilder();
    private int[] origins = new int[64];
    private int lastOrigin;

    private Builder(SourceFile file) {
      this.file = Objects.requireNonNull(file, "file");
    }

    /** Copies {@code source[start, end)} keeping each character's origin. */
    public Builder append(MappedText source, int start, int end) {
      if (source.file != file) {
        throw new IllegalArgumentException("Cannot mix texts of " + file + " and " + source.file);
      }
      for (int i = start; i < end; i++) {
        add(source.text.charAt(i), source.origins[i]);
      }
      lastOrigin = source.origins[end];
      return this;
    }

    /** Inserts text that was not in the file; all of it maps to {@code origin}. */
    public Builder insert(String inserted, int origin) {
      for (int i = 0; i < inserted.length(); i++) {
        add(inserted.charAt(i), origin);
      }
      lastOrigin = origin;
      return this;
    }

    public int length() {
      return text.length();
    }

    private void add(char c, int origin) {
      if (text.length() + 1 >= origins.length) {
        origins = Arrays.copyOf(origins, origins.length * 2);
      }
      origins[text.length()] = origin;
      text.append(c);
    }

    public MappedText build() {
      int[] result = Arrays.copyOf(origins, text.length() + 1);
      result[text.length()] = lastOrigin;
      return new MappedText(text.toString(), result, file);
    }
  }
}
