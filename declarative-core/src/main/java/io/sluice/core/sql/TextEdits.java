package io.sluice.core.sql;

import io.sluice.core.text.MappedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-overlapping replacements of ranges of a mapped text. Applying them copies the untouched
 * ranges with their origins, so the result still maps every character back to the file.
 */
final class TextEdits {
  private final List<Edit> edits = new ArrayList<>();

  private record Edit(int start, int end, MappedText replacement) {}

  /** Replaces {@code [start, end)} of the text the edits will be applied to. */
  void replace(int start, int end, MappedText replacement) {
    edits.add(new Edit(start, end, replacement));
  }

  void delete(int start, int end) {
    edits.add(new Edit(start, end, null));
  }

  boolean isEmpty() {
    return edits.isEmpty();
  }

  /** {@code text[from, to)} with the edits (which must lie inside it) applied. */
  MappedText apply(MappedText text, int from, int to) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start));
    MappedText.Builder out = MappedText.builder(text.file());
    int copied = from;
    for (Edit edit : sorted) {
      if (edit.start() < copied) {
        throw new IllegalStateException("Overlapping edits at " + edit.start());
      }
      out.append(text, copied, edit.start());
      if (edit.replacement() != null) {
        out.append(edit.replacement(), 0, edit.replacement().length());
      }
      copied = edit.end();
    }
    out.append(text, copied, to);
    return out.build();
  }

  /**
   * Text that was not in the file, every character mapped to where {@code at} of {@code text} came
   * from.
   */
  static MappedText inserted(MappedText text, String inserted, int at) {
    return MappedText.builder(text.file()).insert(inserted, text.originOf(at)).build();
  }
}
