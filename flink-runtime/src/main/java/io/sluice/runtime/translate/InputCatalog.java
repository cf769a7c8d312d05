package io.sluice.runtime.translate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.Factory;
import org.apache.flink.table.types.utils.TypeConversions;

/**
 * One flow's {@link PrunableInput}s as tables of a catalog of the flow's table environment. The
 * catalog hands the planner its own factory, which returns the registered input: no connector
 * is looked up, and nothing outlives the flow's environment.
 */
final class InputCatalog extends GenericInMemoryCatalog {
  private static final String NAME = "__sluice_inputs";
  private static final String DATABASE = "inputs";
  private final Map<String, PrunableInput> inputs = new HashMap<>();

  private InputCatalog() {
    super(NAME, DATABASE);
  }

  static InputCatalog registerIn(StreamTableEnvironment tEnv) {
    InputCatalog catalog = new InputCatalog();
    tEnv.registerCatalog(NAME, catalog);
    return catalog;
  }

  /** The input as a table, under the (file-name-safe) key of its spec. */
  Table register(StreamTableEnvironment tEnv, String key, PrunableInput input) {
    inputs.put(key, input);
    CatalogTable table = CatalogTable.newBuilder()
        .schema(Schema.newBuilder().fromRowDataType(TypeConversions.fromLogicalToDataType(input.type())).build())
        .options(Map.of("connector", Inputs.IDENTIFIER))
        .build();
    try {
      createTable(new ObjectPath(DATABASE, key), table, false);
    } catch (TableAlreadyExistException | DatabaseNotExistException e) {
      throw new IllegalStateException("Cannot register input " + key + " twice in one flow", e);
    }
    return tEnv.from(InputRegistry.quote(NAME) + "." + InputRegistry.quote(DATABASE) + "." + InputRegistry.quote(key));
  }

  @Override
  public Optional<Factory> getFactory() {
    return Optional.of(new Inputs());
  }

  /** Returns the registered input of the table the planner asks for. */
  private final class Inputs implements DynamicTableSourceFactory {
    static final String IDENTIFIER = "sluice-input";

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
      PrunableInput input = inputs.get(context.getObjectIdentifier().getObjectName());
      if (input == null) {
        throw new IllegalStateException("No input " + context.getObjectIdentifier() + " in this flow");
      }
      return input.copy();
    }

    @Override
    public String factoryIdentifier() {
      return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
      return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
      return Set.of();
    }
  }
}
