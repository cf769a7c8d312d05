package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sluice.core.model.Query;
import io.sluice.core.model.Reference;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.problem.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesReferenceTest {

  @Test
  void readsReadFilesOptionsWithLowerCaseKeys() {
    Query query =
        Parsed.query(
            "SELECT * FROM read_files('/data/in/*.csv', format => 'csv', header => true,\n"
                + "  schemaHints => \"id BIGINT\", maxFilesPerTrigger => 10, Sep => ';', skew =>"
                + " -0.5,\n"
                + "  inferSchema => FALSE)");

    Reference files = query.references().get(0);
    assertThat(files.kind()).isEqualTo(ReferenceKind.FILES);
    assertThat(files.name()).isEqualTo("/data/in/*.csv");
    assertThat(files.streaming()).isFalse();
    assertThat(files.placeholder()).isEqualTo("__files_1");
    assertThat(files.options())
        .isEqualTo(
            Map.of(
                "format",
                "csv",
                "header",
                "true",
                "schemahints",
                "id BIGINT",
                "maxfilespertrigger",
                "10",
                "sep",
                ";",
                "skew",
                "-0.5",
                "inferschema",
                "false"));
    assertThat(query.sql().text()).isEqualTo("SELECT * FROM `__files_1`");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "STREAM read_files('/in', format => 'json')",
        "STREAM(read_files('/in', format => 'json'))",
        "stream ( READ_FILES ( \"/in\" , format => \"json\" ) )"
      })
  void readsStreamingReadFiles(String source) {
    Query query = Parsed.query("SELECT * FROM " + source + " AS raw");

    assertThat(query.references())
        .extracting("kind", "name", "streaming", "options")
        .containsExactly(tuple(ReferenceKind.FILES, "/in", true, Map.of("format", "json")));
    assertThat(query.sql().text()).isEqualTo("SELECT * FROM `__files_1` AS raw");
  }

  @Test
  void readsCloudFilesAsStreamingWithMapOptions() {
    Query query =
        Parsed.query(
            "SELECT * FROM cloud_files('/landing/orders', 'json',\n"
                + "  map('cloudFiles.inferColumnTypes', 'true', 'cloudFiles.schemaHints', 'id"
                + " BIGINT'))");

    assertThat(query.references())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(ReferenceKind.FILES);
              assertThat(r.name()).isEqualTo("/landing/orders");
              assertThat(r.streaming()).isTrue();
              assertThat(r.options())
                  .isEqualTo(
                      Map.of(
                          "format",
                          "json",
                          "cloudfiles.infercolumntypes",
                          "true",
                          "cloudfiles.schemahints",
                          "id BIGINT"));
            });
  }

  @Test
  void readsCloudFilesWithoutOptions() {
    Query query = Parsed.query("SELECT * FROM cloud_files(\"/landing\", \"parquet\")");

    assertThat(query.references().get(0).options()).isEqualTo(Map.of("format", "parquet"));
  }

  @Test
  void numbersFileReadsPerQueryAndSharesIdenticalOnes() {
    Query query =
        Parsed.query(
            "SELECT * FROM read_files('/a', format => 'json') a\n"
                + "JOIN read_files('/b', format => 'json') b ON a.id = b.id\n"
                + "JOIN read_files('/a', format => 'json') c ON a.id = c.id");

    assertThat(query.references())
        .extracting("name", "placeholder")
        .containsExactly(tuple("/a", "__files_1"), tuple("/b", "__files_2"));
    assertThat(query.sql().text())
        .isEqualTo(
            "SELECT * FROM `__files_1` a\n"
                + "JOIN `__files_2` b ON a.id = b.id\nJOIN `__files_1` c ON a.id = c.id");
  }

  @Test
  void restartsNumberingInEachQuery() {
    Parsed parsed =
        Parsed.sql(
            "CREATE STREAMING TABLE a AS SELECT * FROM STREAM read_files('/a');\n"
                + "CREATE STREAMING TABLE b AS SELECT * FROM STREAM read_files('/b');");

    assertThat(parsed.flow("a").query().references().get(0).placeholder()).isEqualTo("__files_1");
    assertThat(parsed.flow("b").query().references().get(0).placeholder()).isEqualTo("__files_1");
    assertThat(parsed.flow("b").query().references().get(0).options()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "read_files(path_column)",
        "read_files('/a', format)",
        "read_files('/a', format => upper('json'))",
        "read_files('/a', 'json')",
        "cloud_files('/a')",
        "cloud_files('/a', 'json', 'not a map')",
        "cloud_files('/a', 'json', map('k'))"
      })
  void reportsMalformedFileReads(String call) {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t AS SELECT * FROM " + call + ";");

    assertThat(parsed.codes()).containsExactly(ErrorCode.SQL_SYNTAX);
    assertThat(parsed.definitions().datasets()).isEmpty();
  }

  @Test
  void pointsAtTheBadArgument() {
    Parsed parsed =
        Parsed.sql(
            "CREATE STREAMING TABLE t AS\nSELECT * FROM read_files('/a', format => lower('X'));");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@2:42");
  }
}
