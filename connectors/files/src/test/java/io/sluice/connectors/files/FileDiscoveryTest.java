package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {
  @TempDir Path dir;

  @Test
  void listsDataFilesRecursivelyOldestFirstSkippingHiddenOnes() throws IOException {
    touch("b.json", 2);
    touch("a.json", 2);
    touch("2024/01/c.json", 1);
    touch("_SUCCESS", 0);
    touch(".a.json.crc", 0);
    touch("_delta_log/0.json", 0);
    touch(".hidden/d.json", 0);

    assertThat(names(dir.toUri().toString())).containsExactly("2024/01/c.json", "a.json", "b.json");
  }

  @Test
  void matchesGlobsOnFilesAndOnFolders() throws IOException {
    touch("2024-01/x.json", 1);
    touch("2024-02/y.csv", 2);
    touch("2023-12/z.json", 3);
    touch("2024-03/deep/w.json", 4);
    String root = dir.toUri().toString();

    assertThat(names(root + "2024-*/*.json")).containsExactly("2024-01/x.json");
    assertThat(names(root + "2024-*")).containsExactly("2024-01/x.json", "2024-02/y.csv", "2024-03/deep/w.json");
    assertThat(names(root + "**.json")).containsExactly("2024-01/x.json", "2023-12/z.json", "2024-03/deep/w.json");
    assertThat(names(root + "{2023-12,2024-02}/?.*")).containsExactly("2024-02/y.csv", "2023-12/z.json");
    assertThat(names(root + "202[!4]-*/*")).containsExactly("2023-12/z.json");
  }

  @Test
  void readsASingleFileAndTreatsAMissingLocationAsEmpty() throws IOException {
    touch("only.json", 1);

    assertThat(names(dir.resolve("only.json").toUri().toString())).containsExactly("only.json");
    assertThat(names(dir.resolve("not-yet").toUri().toString())).isEmpty();
  }

  @Test
  void rejectsBadPatterns() {
    assertThatThrownBy(() -> new FileDiscovery(dir.toUri() + "[abc"))
        .hasMessageContaining("'[' at position 0 is not closed");
    assertThatThrownBy(() -> new FileDiscovery(" "))
        .hasMessageStartingWith("Cannot read files: the path is empty");
  }

  private List<String> names(String location) throws IOException {
    String root = new org.apache.flink.core.fs.Path(dir.toUri()).toString().replaceAll("/$", "") + "/";
    return new FileDiscovery(location).list().stream()
        .peek(split -> assertThat(split.path()).startsWith("file:/"))
        .map(split -> split.path().substring(root.length()))
        .toList();
  }

  private void touch(String name, int minute) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + minute * 60_000L));
  }
}
