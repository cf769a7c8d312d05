package io.sluice.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns. */
final class TextTable {
  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], cell(row, i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (int i = 0; i < width.length; i++) {
      sb.append("-".repeat(width[i])).append(i + 1 < width.length ? "-+-" : "\n");
    }
    for (List<String> row : rows) {
      line(sb, row, width);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> row, int[] width) {
    for (int i = 0; i < width.length; i++) {
      String c = cell(row, i);
      sb.append(c).append(" ".repeat(width[i] - c.length())).append(i + 1 < width.length ? " | " : "\n");
    }
  }

  private static String cell(List<String> row, int i) {
    String c = i < row.size() && row.get(i) != null ? row.get(i) : "";
    return c.length() > 60 ? c.substring(0, 57) + "..." : c.replace('\n', ' ');
  }
}
