package io.sluice.connectors.files;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A glob over '/'-separated relative paths: {@code *} and {@code ?} stay within one path segment,
 * {@code **} crosses segments, {@code [abc]}/{@code [!a-c]} are character classes and
 * {@code {a,b}} alternatives. A file matches if its path, or one of its parent folders, matches.
 */
final class GlobPattern implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String glob;
  private final Pattern regex;

  GlobPattern(String glob) {
    this.glob = glob;
    this.regex = Pattern.compile(toRegex(glob));
  }

  boolean matchesFileOrFolder(String relativePath) {
    if (regex.matcher(relativePath).matches()) {
      return true;
    }
    for (int slash = relativePath.indexOf('/'); slash >= 0; slash = relativePath.indexOf('/', slash + 1)) {
      if (regex.matcher(relativePath.substring(0, slash)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException(
              "Cannot use path pattern '" + glob + "': '[' at position " + i + " is not closed.");
        }
        String body = glob.substring(i + 1, end);
        regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
        i = end;
      } else if (c == '{') {
        regex.append("(?:");
        braces++;
      } else if (c == '}' && braces > 0) {
        regex.append(')');
        braces--;
      } else if (c == ',' && braces > 0) {
        regex.append('|');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces > 0) {
      throw new IllegalArgumentException(
          "Cannot use path pattern '" + glob + "': '{' is not closed.");
    }
    return regex.toString();
  }

  @Override
  public String toString() {
    return glob;
  }
}
