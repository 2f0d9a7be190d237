package dev.iampolicyls.policy;

import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;

/** Lists the principals of a Principal or NotPrincipal element, one entry per string value. */
public final class Principals {
  private Principals() {}

  /** The keys IAM accepts in a principal object. */
  public static final List<String> KEYS =
      List.of(
          PrincipalEntry.AWS,
          PrincipalEntry.SERVICE,
          PrincipalEntry.FEDERATED,
          PrincipalEntry.CANONICAL_USER);

  /**
   * The entries of an element's value: the bare {@code "*"} is one AWS entry, an object gives each
   * string under each key (whatever the key; checks decide if it is valid). Other shapes, and other
   * bare strings, give nothing: the format checks report them.
   */
  public static List<PrincipalEntry> entries(JsonNode value) {
    List<PrincipalEntry> list = new ArrayList<>();
    if (value instanceof StringNode s && s.value().equals("*")) {
      list.add(new PrincipalEntry(PrincipalEntry.AWS, null, s));
    } else if (value instanceof ObjectNode map) {
      for (PropertyNode key : map.properties()) {
        for (StringElement e : Statement.strings(key.value())) {
          list.add(new PrincipalEntry(key.name(), key, e.node()));
        }
      }
    }
    return list;
  }

  /** A statement's Principal and NotPrincipal elements, those it has. */
  public static List<PropertyNode> elements(Statement statement) {
    List<PropertyNode> elements = new ArrayList<>(2);
    statement.principal().ifPresent(elements::add);
    statement.notPrincipal().ifPresent(elements::add);
    return elements;
  }

  /** The entries of a statement's Principal element (not NotPrincipal). */
  public static List<PrincipalEntry> of(Statement statement) {
    return statement.principal().map(p -> entries(p.value())).orElse(List.of());
  }

  /** The entries of a statement's Principal and NotPrincipal elements. */
  public static List<PrincipalEntry> ofBoth(Statement statement) {
    List<PrincipalEntry> list = new ArrayList<>(of(statement));
    statement.notPrincipal().ifPresent(p -> list.addAll(entries(p.value())));
    return list;
  }
}
