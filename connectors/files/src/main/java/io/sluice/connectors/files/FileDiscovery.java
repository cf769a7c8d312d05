package io.sluice.connectors.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists the data files of a location: a file, a folder (recursively) or a glob such as
 * {@code file:///landing/2024-*}{@code /*.json}. Files and folders whose name starts with {@code _}
 * or {@code .} ({@code _SUCCESS}, {@code .crc}, {@code _delta_log}) are not data. A location that
 * does not exist (yet) has no files.
 */
final class FileDiscovery implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String base;
  private final GlobPattern pattern;

  FileDiscovery(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("Cannot read files: the path is empty. Give a folder, a file or a glob.");
    }
    this.location = location;
    int firstGlob = firstGlobChar(location);
    if (firstGlob < 0) {
      this.base = location;
      this.pattern = null;
    } else {
      int slash = location.lastIndexOf('/', firstGlob);
      if (slash < 0) {
        throw new IllegalArgumentException(
            "Cannot read files from '" + location + "': a glob needs a folder before it, such as"
                + " /data/*.json.");
      }
      this.base = location.substring(0, slash);
      this.pattern = new GlobPattern(location.substring(slash + 1));
    }
  }

  /** All data files, in discovery order (modification time, then path). */
  List<FileSplit> list() throws IOException {
    Path root = new Path(base.isEmpty() ? "/" : base);
    FileSystem fs = root.getFileSystem();
    root = root.makeQualified(fs);
    List<FileSplit> files = new ArrayList<>();
    FileStatus status;
    try {
      status = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      return files;
    }
    if (status.isDir()) {
      walk(fs, root, "", files);
    } else if (pattern == null) {
      files.add(split(status, root));
    }
    files.sort(FileSplit.DISCOVERY_ORDER);
    return files;
  }

  String location() {
    return location;
  }

  private void walk(FileSystem fs, Path folder, String relative, List<FileSplit> files) throws IOException {
    FileStatus[] children;
    try {
      children = fs.listStatus(folder);
    } catch (FileNotFoundException e) {
      return;
    }
    if (children == null) {
      return;
    }
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      String path = relative.isEmpty() ? name : relative + "/" + name;
      if (child.isDir()) {
        walk(fs, child.getPath(), path, files);
      } else if (pattern == null || pattern.matchesFileOrFolder(path)) {
        files.add(split(child, child.getPath()));
      }
    }
  }

  private static FileSplit split(FileStatus status, Path path) {
    return new FileSplit(path.toString(), status.getModificationTime(), status.getLen(), 0);
  }

  private static int firstGlobChar(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }
}
