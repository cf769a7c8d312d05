package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.Problems;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retail medallion example (raw → cleaned → enriched → segments) in {@code
 * sql/retail_medallion.sql}.
 */
class RetailMedallionTest {

  private static Parsed parsed() throws IOException {
    Problems problems = new Problems();
    return new Parsed(null, GoldenFilesTest.parse("retail_medallion", problems), problems.list());
  }

  @Test
  void definesTheFourLayers() throws IOException {
    Parsed parsed = parsed();

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.definitions().datasets())
        .extracting("name", "kind")
        .containsExactly(
            tuple("raw_customers", DatasetKind.STREAMING_TABLE),
            tuple("raw_orders", DatasetKind.STREAMING_TABLE),
            tuple("cleaned_customers", DatasetKind.STREAMING_TABLE),
            tuple("cleaned_orders", DatasetKind.STREAMING_TABLE),
            tuple("enriched_customers", DatasetKind.MATERIALIZED_VIEW),
            tuple("customer_segments", DatasetKind.MATERIALIZED_VIEW));
    assertThat(parsed.dataset("enriched_customers").spec().properties())
        .isEqualTo(Map.of("quality", "gold"));
  }

  @Test
  void ingestsRawFilesIncrementally() throws IOException {
    assertThat(parsed().flow("raw_orders").query().references())
        .extracting("kind", "name", "streaming", "options")
        .containsExactly(
            tuple(ReferenceKind.FILES, "/data/raw/orders/", true, Map.of("format", "parquet")));
  }

  @Test
  void cleansWithExpectationsOverStreamingReads() throws IOException {
    Parsed parsed = parsed();

    assertThat(parsed.flow("cleaned_customers").query().references())
        .extracting("name", "streaming")
        .containsExactly(tuple("raw_customers", true));
    assertThat(parsed.dataset("cleaned_customers").spec().expectations())
        .extracting("name", "action")
        .containsExactly(
            tuple("valid_customer_id", ViolationAction.DROP),
            tuple("valid_email", ViolationAction.DROP));
    assertThat(parsed.dataset("cleaned_customers").spec().expectations().get(1).predicate().text())
        .isEqualTo("email IS NOT NULL AND REGEXP(email, '^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$')");
  }

  @Test
  void enrichesWithLeftJoinOfBatchReads() throws IOException {
    Parsed parsed = parsed();

    assertThat(parsed.flow("enriched_customers").query().references())
        .extracting("name", "streaming", "placeholder")
        .containsExactly(
            tuple("cleaned_customers", false, "cleaned_customers"),
            tuple("cleaned_orders", false, "cleaned_orders"));
    assertThat(parsed.flow("enriched_customers").query().sql().text())
        .contains(
            "FROM `cleaned_customers` c\n"
                + "LEFT JOIN `cleaned_orders` o ON c.customer_id = o.customer_id\n"
                + "GROUP BY c.customer_id, c.email, c.first_name, c.last_name");
  }

  @Test
  void segmentsFromTheEnrichedView() throws IOException {
    Parsed parsed = parsed();

    assertThat(parsed.flow("customer_segments").query().datasetReferences())
        .extracting("name")
        .containsExactly("enriched_customers");
    assertThat(parsed.dataset("customer_segments").spec().expectations())
        .extracting("action")
        .containsExactly(ViolationAction.WARN);
  }
}
