package dev.iampolicyls.outline;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.hover.StatementSummary;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The outline: each statement by its Sid (or "Statement N"), its Effect and a short summary, with
 * its Principal, Action, Resource and Condition elements as children; and the statement lenses,
 * which carry the whole summary sentence (the same as the statement hover).
 */
public final class OutlineEngine {
  /** Outline details are one line in a narrow panel; the full sentence is in the lens and hover. */
  static final int MAX_DETAIL = 100;

  private static final List<String> CHILDREN =
      List.of(
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");

  private final StatementSummary summary;

  public OutlineEngine(Catalog catalog) {
    this.summary = new StatementSummary(catalog);
  }

  public List<PolicySymbol> symbols(Policy policy) {
    List<PolicySymbol> out = new ArrayList<>();
    for (Statement s : policy.statements()) {
      ObjectNode node = s.node();
      JsonNode sid = s.sid().map(PropertyNode::value).orElse(null);
      boolean named = s.sidValue().filter(v -> !v.isEmpty()).isPresent();
      String name = named ? s.sidValue().get() : "Statement " + (s.index() + 1);
      String effect = s.effectValue().orElse("no Effect");
      String detail = effect + " · " + shorten(summary.summarize(policy, s));
      JsonNode selection = named && sid != null ? sid : node;
      out.add(
          new PolicySymbol(
              name,
              detail,
              PolicySymbol.Kind.STATEMENT,
              node.offset(),
              node.end(),
              selection.offset(),
              selection == node ? node.offset() + 1 : selection.end(),
              children(s)));
    }
    return out;
  }

  public List<StatementLens> lenses(Policy policy) {
    List<StatementLens> out = new ArrayList<>();
    for (Statement s : policy.statements()) {
      out.add(new StatementLens(s.node().offset(), s.node().end(), summary.summarize(policy, s)));
    }
    return out;
  }

  private static List<PolicySymbol> children(Statement s) {
    List<PolicySymbol> out = new ArrayList<>();
    for (String element : CHILDREN) {
      s.property(element)
          .ifPresent(
              p ->
                  out.add(
                      new PolicySymbol(
                          element,
                          describe(p.value()),
                          PolicySymbol.Kind.ELEMENT,
                          p.offset(),
                          p.end(),
                          p.key().offset(),
                          p.key().end(),
                          List.of())));
    }
    return out;
  }

  /** A single value as written, else how many there are. */
  private static String describe(JsonNode value) {
    if (value instanceof StringNode str) {
      return str.value();
    }
    if (value instanceof ArrayNode array) {
      if (array.items().size() == 1 && array.items().get(0) instanceof StringNode only) {
        return only.value();
      }
      return array.items().size() + " values";
    }
    if (value instanceof ObjectNode object) {
      int n = object.properties().size();
      return n + (n == 1 ? " entry" : " entries");
    }
    return "";
  }

  static String shorten(String sentence) {
    return sentence.length() <= MAX_DETAIL
        ? sentence
        : sentence.substring(0, MAX_DETAIL - 1).stripTrailing() + "…";
  }
}
