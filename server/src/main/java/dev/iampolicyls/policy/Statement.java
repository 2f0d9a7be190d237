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

  // The elements, looked up once: every check asks for them, and a lookup walks the properties.
  private Optional<PropertyNode> sid = Optional.empty();
  private Optional<PropertyNode> effect = Optional.empty();
  private Optional<PropertyNode> principal = Optional.empty();
  private Optional<PropertyNode> notPrincipal = Optional.empty();
  private Optional<PropertyNode> action = Optional.empty();
  private Optional<PropertyNode> notAction = Optional.empty();
  private Optional<PropertyNode> resource = Optional.empty();
  private Optional<PropertyNode> notResource = Optional.empty();
  private Optional<PropertyNode> condition = Optional.empty();
  private final Optional<String> effectValue;
  // Each statement outcome of the evaluator carries it (policy comparison evaluates thousands).
  private final Optional<String> sidValue;

  Statement(ObjectNode node, int index) {
    this.node = node;
    this.index = index;
    List<PropertyNode> properties = node.properties();
    for (int i = properties.size() - 1; i >= 0; i--) { // backwards: the first of a name wins
      PropertyNode p = properties.get(i);
      if (p.name() == null) {
        continue;
      }
      Optional<PropertyNode> found = Optional.of(p);
      switch (p.name()) {
        case "Sid" -> sid = found;
        case "Effect" -> effect = found;
        case "Principal" -> principal = found;
        case "NotPrincipal" -> notPrincipal = found;
        case "Action" -> action = found;
        case "NotAction" -> notAction = found;
        case "Resource" -> resource = found;
        case "NotResource" -> notResource = found;
        case "Condition" -> condition = found;
        default -> {}
      }
    }
    effectValue = effect.map(PropertyNode::value).flatMap(Policy::stringValue);
    sidValue = sid.map(PropertyNode::value).flatMap(Policy::stringValue);
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
    return sid;
  }

  public Optional<String> sidValue() {
    return sidValue;
  }

  public Optional<PropertyNode> effect() {
    return effect;
  }

  public Optional<String> effectValue() {
    return effectValue;
  }

  public boolean isAllow() {
    return effectValue.isPresent() && effectValue.get().equals("Allow");
  }

  public boolean isDeny() {
    return effectValue.isPresent() && effectValue.get().equals("Deny");
  }

  public Optional<PropertyNode> principal() {
    return principal;
  }

  public Optional<PropertyNode> notPrincipal() {
    return notPrincipal;
  }

  public Optional<PropertyNode> action() {
    return action;
  }

  public Optional<PropertyNode> notAction() {
    return notAction;
  }

  /** Action, else NotAction. */
  public Optional<PropertyNode> actionOrNotAction() {
    return action.isPresent() ? action : notAction;
  }

  public Optional<PropertyNode> resource() {
    return resource;
  }

  public Optional<PropertyNode> notResource() {
    return notResource;
  }

  public Optional<PropertyNode> resourceOrNotResource() {
    return resource.isPresent() ? resource : notResource;
  }

  public Optional<PropertyNode> condition() {
    return condition;
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
   * string items in order (anything else in it is left to the structural checks). A value only
   * known once a template is deployed ({@link StringNode#opaque()}) is left out: it is some
   * specific value, and nothing can be said about it.
   */
  public static List<StringElement> strings(JsonNode value) {
    if (value instanceof StringNode s) {
      return s.opaque() ? List.of() : List.of(new StringElement(s.value(), s));
    }
    if (value instanceof ArrayNode array) {
      List<StringElement> list = new ArrayList<>(array.items().size());
      for (JsonNode item : array.items()) {
        if (item instanceof StringNode s && !s.opaque()) {
          list.add(new StringElement(s.value(), s));
        }
      }
      return list;
    }
    return List.of();
  }
}
