package io.sluice.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.model.Reference;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresInputsTest {

  private static Reference ref(Map<String, String> options) {
    return new Reference(ReferenceKind.POSTGRES, "public.orders", true, "__pg_0", options,
        SourceLocation.of("p.sql", 1, 1));
  }

  private static Map<String, String> options(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void batchFlowsAreRefusedWithWhatToDo() {
    assertThatThrownBy(() -> PostgresInputs.resolve(ref(options("hostname", "h", "database", "d",
        "table", "public.orders", "username", "u")), "shop", "orders", true))
        .hasMessageContaining("batch job").hasMessageContaining("STREAM read_postgres");
  }

  @Test
  void unknownAndMissingArgumentsSayWhatToWrite() {
    assertThatThrownBy(() -> PostgresInputs.resolve(ref(options("hostname", "h", "database", "d",
        "table", "t", "username", "u", "sslmode", "require")), "shop", "orders", false))
        .hasMessageContaining("'sslmode'").hasMessageContaining("hostname, port, database");
    assertThatThrownBy(() -> PostgresInputs.resolve(ref(options("database", "d", "table", "t",
        "username", "u")), "shop", "orders", false))
        .hasMessageContaining("no hostname");
  }

  @Test
  void aMissingSecretIsNamedWithoutItsValue() {
    assertThatThrownBy(() -> PostgresInputs.resolve(ref(options("hostname", "h", "database", "d",
        "table", "t", "username", "u", "password", "${env:SLUICE_TEST_NOT_SET_123}")), "shop", "orders",
        false))
        .hasMessageContaining("${env:SLUICE_TEST_NOT_SET_123}").hasMessageContaining("is not set");
  }

  @Test
  void slotNamesAreValidStableAndPerFlow() {
    String a = PostgresInputs.slotName("My-Shop", "orders_changes", "public.orders");
    assertThat(a).matches("[a-z0-9_]{1,63}").startsWith("sluice_my_shop_orders_changes_");
    assertThat(PostgresInputs.slotName("My-Shop", "orders_changes", "public.orders")).isEqualTo(a);
    assertThat(PostgresInputs.slotName("My-Shop", "other", "public.orders")).isNotEqualTo(a);
    assertThat(PostgresInputs.slotName("p".repeat(80), "f", "t")).hasSizeLessThanOrEqualTo(63);
  }
}
