package io.sluice.runtime.exec;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.Visibility;
import io.sluice.runtime.catalog.FileCatalog;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.TranslationContext;
import java.util.Set;

/**
 * Publishes a pipeline's public tables in its catalog (if it has one) once they exist, so other
 * pipelines can read them as {@code database.table}. Private datasets ({@code CREATE PRIVATE})
 * are not published.
 */
final class TablePublisher {
  private TablePublisher() {}

  static void publish(TranslationContext ctx, Set<String> datasets) {
    FileCatalog.of(ctx.spec()).ifPresent(catalog -> {
      String database = FileCatalog.database(ctx.spec());
      for (String name : datasets) {
        Dataset d = ctx.graph().requireDataset(name);
        if (isPublic(d)) {
          catalog.publish(database, name, new FileCatalog.Entry(ctx.formatOf(d).lowerName(),
              StorageLayout.uri(ctx.layout().table(name))));
        }
      }
    });
  }

  private static boolean isPublic(Dataset d) {
    if (d instanceof StreamingTable st) {
      return st.visibility() == Visibility.PUBLIC;
    }
    return d instanceof MaterializedView mv && mv.visibility() == Visibility.PUBLIC;
  }
}
