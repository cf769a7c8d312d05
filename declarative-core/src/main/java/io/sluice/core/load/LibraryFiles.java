package io.sluice.core.load;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.spec.PipelineSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The definition files a spec's {@code libraries} globs select, relative to the pipeline folder,
 * in a stable (sorted) order. The storage folder and pipeline.yaml itself are never definition
 * files. A glob that was written explicitly and matches nothing is a problem.
 */
final class LibraryFiles {
  private LibraryFiles() {}

  static List<Path> find(Path folder, Path storage, List<String> globs, SourceLocation specLocation,
      Problems problems) {
    TreeSet<Path> found = new TreeSet<>();
    boolean defaults = globs.equals(PipelineSpec.DEFAULT_LIBRARIES);
    for (String glob : globs) {
      List<Path> matches = matches(folder, storage, glob);
      if (matches.isEmpty() && !defaults) {
        problems.error(ErrorCode.LIBRARY_NOT_FOUND, specLocation,
            "Cannot find files for '" + glob + "': no file under " + folder + " matches it",
            "Fix the glob in pipeline.yaml (globs are relative to the pipeline folder, e.g. 'transformations/**/*.sql').");
      }
      found.addAll(matches);
    }
    return new ArrayList<>(found);
  }

  private static List<Path> matches(Path folder, Path storage, String glob) {
    String pattern = glob.startsWith("/") ? glob : folder.toString().replace('\\', '/') + "/" + glob;
    PathMatcher direct = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    // "dir/**/*.sql" should also match "dir/x.sql", as users expect.
    PathMatcher flat = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("/**/", "/"));
    List<Path> result = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(storage))
          .filter(p -> !p.getFileName().toString().equals(PipelineSpec.FILE_NAME))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> direct.matches(p) || flat.matches(p))
          .forEach(result::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
    return result;
  }
}
