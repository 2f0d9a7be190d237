package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains whatever the cursor is on: an action, a resource ARN, a condition operator or key, a
 * policy variable, a principal, an element key, or the statement as a whole. Pure analysis: a
 * parsed policy and an offset in, Markdown and the span it explains out; nothing when there is
 * nothing useful to say.
 */
public final class HoverEngine {
  private final Catalog catalog;
  private final StatementSummary summary;

  public HoverEngine(Catalog catalog) {
    this.catalog = catalog;
    this.summary = new StatementSummary(catalog);
  }

  public StatementSummary summary() {
    return summary;
  }

  /**
   * @param policyType the type the policy is checked as; null to infer it from the text
   */
  public Optional<HoverResult> hover(Policy policy, int offset, PolicyType policyType) {
    JsonNode node = policy.document().nodeAt(offset);
    if (node == null) {
      return Optional.empty();
    }
    Statement statement = enclosingStatement(policy, node);
    if (statement == null) {
      return topLevel(policy, node);
    }
    PolicyType type = policyType != null ? policyType : PolicyType.infer(policy);
    return inStatement(policy, new StatementFacts(catalog, statement), node, offset, type);
  }

  /**
   * The summary of a statement, for a pointer on what opens it in a host syntax that has no brace
   * there (the dash of a YAML sequence item), over {@code [start, end)}.
   */
  public HoverResult statementSummary(Policy policy, Statement statement, int start, int end) {
    return new HoverResult(
        summaryText(policy, new StatementFacts(catalog, statement), null), start, end);
  }

  private static Statement enclosingStatement(Policy policy, JsonNode node) {
    for (JsonNode n = node; n != null; n = n.parent()) {
      if (n instanceof ObjectNode) {
        for (Statement s : policy.statements()) {
          if (s.node() == n) {
            return s;
          }
        }
      }
    }
    return null;
  }

  private Optional<HoverResult> topLevel(Policy policy, JsonNode node) {
    PropertyNode property = policy.root().flatMap(r -> memberOf(r, node)).orElse(null);
    if (property == null) {
      return Optional.empty();
    }
    if (node == property.key()) {
      String doc = ElementDocs.topLevel(property.name());
      if (doc != null && property.name().equals("Statement")) {
        doc +=
            "\n\nThis policy has " + Phrases.count(policy.statements().size(), "statement") + ".";
      }
      return result(doc, node);
    }
    if (property.name().equals("Version")
        && node == property.value()
        && node instanceof StringNode s) {
      return result(ElementDocs.versionValue(s.value()), node);
    }
    return Optional.empty();
  }

  private Optional<HoverResult> inStatement(
      Policy policy, StatementFacts facts, JsonNode node, int offset, PolicyType policyType) {
    Statement statement = facts.statement();
    if (node == statement.node()) {
      // Only the opening brace: whitespace inside a statement says nothing.
      return offset == node.offset()
          ? Optional.of(new HoverResult(summaryText(policy, facts, null), offset, offset + 1))
          : Optional.empty();
    }
    PropertyNode element = memberOf(statement.node(), node).orElse(null);
    if (element == null) {
      return Optional.empty();
    }
    String name = element.name();
    boolean isKey = node == element.key();
    if (node instanceof StringNode s && !isKey) {
      Optional<PolicyVariables.Variable> variable =
          PolicyVariables.at(policy.document().text(), s, offset);
      if (variable.isPresent()) {
        PolicyVariables.Variable v = variable.get();
        String md = PolicyVariables.explain(v, catalog, policy.versionValue().orElse(null));
        return Optional.of(new HoverResult(md, v.start(), v.end()));
      }
    }
    switch (name) {
      case "Sid", "Effect":
        if (isKey || node == element.value()) {
          return result(summaryText(policy, facts, ElementDocs.statementElement(name)), node);
        }
        return Optional.empty();
      case "Action", "NotAction":
        if (isKey) {
          return result(ElementDocs.statementElement(name), node);
        }
        return facts
            .patternOf(node)
            .map(p -> ActionHover.explain(facts, p))
            .flatMap(md -> result(md, node));
      case "Resource", "NotResource":
        if (isKey) {
          return result(ElementDocs.statementElement(name), node);
        }
        return stringIn(element, node)
            .flatMap(s -> result(ResourceHover.explain(facts, s.value()), node));
      case "Principal", "NotPrincipal":
        return principal(statement, element, node, isKey, policyType);
      case "Condition":
        return condition(element, node, isKey);
      default:
        return Optional.empty();
    }
  }

  private String summaryText(Policy policy, StatementFacts facts, String elementDoc) {
    String sentence = Markdown.escape(summary.summarize(facts, policy.document().text()));
    return elementDoc == null ? sentence : sentence + "\n\n---\n\n" + elementDoc;
  }

  private Optional<HoverResult> principal(
      Statement statement,
      PropertyNode element,
      JsonNode node,
      boolean isKey,
      PolicyType policyType) {
    boolean not = element.name().equals("NotPrincipal");
    if (isKey) {
      String doc = ElementDocs.statementElement(element.name());
      if (!policyType.isResourceBased()) {
        doc +=
            "\n\n**Note:** this is checked as "
                + policyType.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ", which takes no principal: whoever the policy is attached to is the"
                + " principal.";
      }
      return result(doc, node);
    }
    if (node == element.value() && node instanceof StringNode s) {
      return result(PrincipalHover.explain(catalog, statement, null, s.value(), not), node);
    }
    if (!(element.value() instanceof ObjectNode map)) {
      return Optional.empty();
    }
    PropertyNode kind = memberOf(map, node).orElse(null);
    if (kind == null) {
      return Optional.empty();
    }
    if (node == kind.key()) {
      return result(ElementDocs.principalKind(kind.name()), node);
    }
    return stringIn(kind, node)
        .flatMap(
            s ->
                result(
                    PrincipalHover.explain(catalog, statement, kind.name(), s.value(), not), node));
  }

  private Optional<HoverResult> condition(PropertyNode element, JsonNode node, boolean isKey) {
    if (isKey) {
      return result(ElementDocs.statementElement("Condition"), node);
    }
    if (!(element.value() instanceof ObjectNode block)) {
      return Optional.empty();
    }
    PropertyNode operator = memberOf(block, node).orElse(null);
    if (operator == null) {
      return Optional.empty();
    }
    if (node == operator.key()) {
      return result(ConditionHover.operator(operator.name()), node);
    }
    if (!(operator.value() instanceof ObjectNode keys)) {
      return Optional.empty();
    }
    PropertyNode key = memberOf(keys, node).orElse(null);
    if (key != null && node == key.key()) {
      return result(ConditionHover.key(catalog, key.name(), operator.name()), node);
    }
    return Optional.empty();
  }

  /** The member of the object that holds the node (the node itself, its key, or inside it). */
  private static Optional<PropertyNode> memberOf(ObjectNode object, JsonNode node) {
    for (JsonNode n = node; n != null; n = n.parent()) {
      if (n instanceof PropertyNode p && p.parent() == object) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The node as a string of the property's value: the value itself or an item of its array. */
  private static Optional<StringNode> stringIn(PropertyNode property, JsonNode node) {
    if (!(node instanceof StringNode s)) {
      return Optional.empty();
    }
    JsonNode value = property.value();
    if (s == value || (value instanceof ArrayNode array && s.parent() == array)) {
      return Optional.of(s);
    }
    return Optional.empty();
  }

  private static Optional<HoverResult> result(String markdown, JsonNode node) {
    if (markdown == null || markdown.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new HoverResult(markdown, node.offset(), node.end()));
  }
}
