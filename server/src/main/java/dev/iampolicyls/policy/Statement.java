package dev.iampolicyls.policy;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One statement of a policy, over its object node. */
public final class Statement {
  private final ObjectNode node;
  private final int index;
  // Asked by most of the 157 checks: read from the (unchanging) tree once, then shared.
  private List<StringElement> actions;
  private List<StringElement> resources;
  private List<ConditionEntry> conditionEntries;

  Statement(ObjectNode node, int index) {
    this.node = node;
    this.index = index;
  }

  public ObjectNode node() {
    return node;
  }

  /** The position in the Statement array, or -1 when Statement is a single object. */
  public int index() {
    return index;
  }

  /** How people refer to this statement: its Sid, else its position. */
  public String label() {
    return sidValue()
        .filter(s -> !s.isEmpty())
        .orElse(index < 0 ? "statement" : "statement " + (index + 1));
  }

  public Optional<PropertyNode> property(String name) {
    return node.property(name);
  }

  public Optional<PropertyNode> sid() {
    return property("Sid");
  }

  public Optional<String> sidValue() {
    return sid().map(PropertyNode::value).flatMap(Policy::stringValue);
  }

  public Optional<PropertyNode> effect() {
    return property("Effect");
  }

  public Optional<String> effectValue() {
    return effect().map(PropertyNode::value).flatMap(Policy::stringValue);
  }

  public boolean isAllow() {
    return effectValue().filter("Allow"::equals).isPresent();
  }

  public boolean isDeny() {
    return effectValue().filter("Deny"::equals).isPresent();
  }

  public Optional<PropertyNode> principal() {
    return property("Principal");
  }

  public Optional<PropertyNode> notPrincipal() {
    return property("NotPrincipal");
  }

  public Optional<PropertyNode> action() {
    return property("Action");
  }

  public Optional<PropertyNode> notAction() {
    return property("NotAction");
  }

  /** Action, else NotAction. */
  public Optional<PropertyNode> actionOrNotAction() {
    return action().or(this::notAction);
  }

  public Optional<PropertyNode> resource() {
    return property("Resource");
  }

  public Optional<PropertyNode> notResource() {
    return property("NotResource");
  }

  public Optional<PropertyNode> resourceOrNotResource() {
    return resource().or(this::notResource);
  }

  public Optional<PropertyNode> condition() {
    return property("Condition");
  }

  /** Every key test of the Condition element, in document order. Read-only. */
  public List<ConditionEntry> conditionEntries() {
    List<ConditionEntry> entries = conditionEntries;
    if (entries == null) {
      entries = readConditionEntries();
      conditionEntries = entries;
    }
    return entries;
  }

  private List<ConditionEntry> readConditionEntries() {
    if (!(condition().map(PropertyNode::value).orElse(null) instanceof ObjectNode block)) {
      return List.of();
    }
    List<ConditionEntry> entries = new ArrayList<>();
    for (PropertyNode operator : block.properties()) {
      if (operator.value() instanceof ObjectNode keys) {
        for (PropertyNode key : keys.properties()) {
          entries.add(new ConditionEntry(operator, key));
        }
      }
    }
    return List.copyOf(entries);
  }

  /** The string elements of Action, or of NotAction when there is no Action. Read-only. */
  public List<StringElement> actions() {
    List<StringElement> list = actions;
    if (list == null) {
      list = List.copyOf(actionOrNotAction().map(p -> strings(p.value())).orElse(List.of()));
      actions = list;
    }
    return list;
  }

  /** The string elements of Resource, or of NotResource when there is no Resource. Read-only. */
  public List<StringElement> resources() {
    List<StringElement> list = resources;
    if (list == null) {
      list = List.copyOf(resourceOrNotResource().map(p -> strings(p.value())).orElse(List.of()));
      resources = list;
    }
    return list;
  }

  /**
   * The string elements of a string-or-array value: a single string is a list of one, an array's
   * string items in order (anything else in it is left to the structural checks).
   */
  public static List<StringElement> strings(JsonNode value) {
    if (value instanceof StringNode s) {
      return List.of(new StringElement(s.value(), s));
    }
    if (value instanceof ArrayNode array) {
      List<StringElement> list = new ArrayList<>(array.items().size());
      for (JsonNode item : array.items()) {
        if (item instanceof StringNode s) {
          list.add(new StringElement(s.value(), s));
        }
      }
      return list;
    }
    return List.of();
  }
}
