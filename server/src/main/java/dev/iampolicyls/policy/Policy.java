package dev.iampolicyls.policy;

import dev.iampolicyls.cache.DerivedValues;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The typed view of a policy document over the syntax tree. Accessors return optionals: a
 * half-typed policy still has statements even when its Version is missing.
 */
public final class Policy {
  /** The top-level elements IAM knows. */
  public static final List<String> TOP_LEVEL_ELEMENTS = List.of("Version", "Id", "Statement");

  private final JsonDocument document;
  private final ObjectNode root;
  private final List<Statement> statements;

  private final DerivedValues derived = new DerivedValues();

  private Policy(JsonDocument document, ObjectNode root) {
    this.document = document;
    this.root = root;
    this.statements = readStatements(root);
  }

  /** The policy view of a parsed document; its root may be missing or not an object. */
  public static Policy of(JsonDocument document) {
    return new Policy(document, document.root() instanceof ObjectNode object ? object : null);
  }

  public static Policy parse(String text) {
    return of(JsonDocument.parse(text));
  }

  public JsonDocument document() {
    return document;
  }

  /** The top-level object, or empty when the document is not an object. */
  public Optional<ObjectNode> root() {
    return Optional.ofNullable(root);
  }

  /**
   * Whether this document looks like an IAM policy: a top-level object with Statement, or with
   * Version alone, or a date-shaped Version next to Id. Other JSON (package.json, settings, an
   * EventBridge event's {@code "version": "0"} beside its {@code "id"}) is left alone.
   */
  public boolean looksLikePolicy() {
    if (root == null) {
      return false;
    }
    if (hasKeyIgnoringCase("Statement")) {
      return true;
    }
    if (!hasKeyIgnoringCase("Version")) {
      return false;
    }
    return root.properties().size() == 1 || (hasKeyIgnoringCase("Id") && dateShapedVersion());
  }

  /** Whether the Version (in any case) is a string shaped as IAM's are: {@code yyyy-mm-dd}. */
  private boolean dateShapedVersion() {
    return root.properties().stream()
        .filter(p -> p.name().equalsIgnoreCase("Version"))
        .map(PropertyNode::value)
        .map(Policy::stringValue)
        .flatMap(Optional::stream)
        .anyMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}"));
  }

  private boolean hasKeyIgnoringCase(String name) {
    for (PropertyNode p : root.properties()) { // a loop: a capturing lambda per call under C1
      if (p.name().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  public Optional<PropertyNode> property(String name) {
    return root == null ? Optional.empty() : root.property(name);
  }

  public Optional<PropertyNode> version() {
    return property("Version");
  }

  /** The Version string, if one is given as a string. */
  public Optional<String> versionValue() {
    return version().map(PropertyNode::value).flatMap(Policy::stringValue);
  }

  public Optional<PropertyNode> id() {
    return property("Id");
  }

  public Optional<PropertyNode> statementProperty() {
    return property("Statement");
  }

  /** Statements in order; a single statement object is a list of one (with no index). */
  public List<Statement> statements() {
    return statements;
  }

  private static List<Statement> readStatements(ObjectNode root) {
    if (root == null) {
      return List.of();
    }
    JsonNode value = root.get("Statement").orElse(null);
    if (value instanceof ObjectNode single) {
      return List.of(new Statement(single, -1));
    }
    if (value instanceof ArrayNode array) {
      List<Statement> list = new ArrayList<>();
      for (int i = 0; i < array.items().size(); i++) {
        if (array.items().get(i) instanceof ObjectNode object) {
          list.add(new Statement(object, i));
        }
      }
      return Collections.unmodifiableList(list);
    }
    return List.of();
  }

  /**
   * What {@code compute} derives from this policy (its grant analysis), computed on first use and
   * kept exactly as long as the policy. A global weak map did this before, but its values point
   * into the syntax tree, so after each collection they stayed reachable until the map's next
   * look-up: every young collection of a batch copied the trees of all the policies checked since
   * the last one.
   *
   * @param key identifies what is derived (one value per key)
   */
  public <T> T derived(Object key, Supplier<T> compute) {
    return derived.get(key, compute);
  }

  /** Whether any statement has a Principal or NotPrincipal. */
  public boolean hasPrincipal() {
    for (Statement s : statements) { // a loop, not a stream: asked of every file of a batch
      if (s.principal().isPresent() || s.notPrincipal().isPresent()) {
        return true;
      }
    }
    return false;
  }

  static Optional<String> stringValue(JsonNode node) {
    return node instanceof StringNode s ? Optional.of(s.value()) : Optional.empty();
  }

  /** Element names a statement may hold. */
  public static final Set<String> STATEMENT_ELEMENTS =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");
}
