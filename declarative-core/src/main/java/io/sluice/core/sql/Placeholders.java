package io.sluice.core.sql;

import io.sluice.core.model.Reference;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.text.MappedText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the tables a query reads in the Flink SQL it becomes. A dataset's placeholder is its
 * normalized name; if the query also reads it with STREAM, its plain reads use {@code
 * name__snapshot}. Files, paths, external tables and Kafka reads are numbered per query: {@code
 * __files_1}, {@code __path_1}, {@code __ext_1}, {@code __kafka_1}. Placeholders are backticked; when the name as written differs
 * and no alias follows, {@code AS <as written>} keeps {@code X.col} working.
 */
final class Placeholders {
  private static final Map<ReferenceKind, String> PREFIX =
      Map.of(
          ReferenceKind.FILES,
          "__files_",
          ReferenceKind.TABLE_PATH,
          "__path_",
          ReferenceKind.EXTERNAL_TABLE,
          "__ext_",
          ReferenceKind.KAFKA,
          "__kafka_",
          ReferenceKind.POSTGRES,
          "__pg_");

  private final ParseContext context;
  private final Set<String> streamed = new HashSet<>();
  private final Map<String, String> numbered = new HashMap<>();
  private final Map<ReferenceKind, Integer> counters = new EnumMap<>(ReferenceKind.class);

  private Placeholders(ParseContext context, List<ReferenceSite> sites) {
    this.context = context;
    for (ReferenceSite site : sites) {
      if (site.streaming() && site.source().kind() == ReferenceKind.DATASET) {
        streamed.add(site.source().name());
      }
    }
  }

  /** Adds the replacement of every site to {@code edits}; returns the references in order. */
  static List<Reference> assign(ParseContext context, List<ReferenceSite> sites, TextEdits edits) {
    Placeholders placeholders = new Placeholders(context, sites);
    Map<String, Reference> references = new LinkedHashMap<>();
    for (ReferenceSite site : sites) {
      TableSource source = site.source();
      String placeholder = placeholders.placeholder(site);
      references.putIfAbsent(
          source.kind() + "|" + placeholder,
          new Reference(
              source.kind(),
              source.name(),
              site.streaming(),
              placeholder,
              source.options(),
              context.locate(source.origin())));
      edits.replace(site.start(), site.end(), placeholders.replacement(site, placeholder));
    }
    return new ArrayList<>(references.values());
  }

  private String placeholder(ReferenceSite site) {
    TableSource source = site.source();
    if (source.kind() == ReferenceKind.DATASET) {
      return !site.streaming() && streamed.contains(source.name())
          ? source.name() + "__snapshot"
          : source.name();
    }
    String key =
        source.kind() + "|" + source.name() + "|" + site.streaming() + "|" + source.options();
    return numbered.computeIfAbsent(
        key, k -> PREFIX.get(source.kind()) + counters.merge(source.kind(), 1, Integer::sum));
  }

  private MappedText replacement(ReferenceSite site, String placeholder) {
    String written = site.source().written();
    boolean alias = written != null && !site.aliased() && !unquoted(written).equals(placeholder);
    String text = "`" + placeholder.replace("`", "``") + "`" + (alias ? " AS " + written : "");
    return TextEdits.inserted(context.text(), text, site.source().origin().start());
  }

  private static String unquoted(String name) {
    return name.length() >= 2 && name.startsWith("`") && name.endsWith("`")
        ? name.substring(1, name.length() - 1).replace("``", "`")
        : name;
  }
}
