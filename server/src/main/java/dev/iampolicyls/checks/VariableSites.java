package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The strings of a policy where a policy variable may appear, sorted by what IAM does with one
 * there: Resource and String/ARN condition values resolve it; other operators' values and the
 * Action and Principal elements do not support it.
 */
final class VariableSites {
  private VariableSites() {}

  static final String VARIABLES_VERSION = "2012-10-17";

  enum Kind {
    /** Resource or NotResource: variables resolve. */
    RESOURCE,
    /** A value of a String or ARN operator (or of an operator IAM does not know): they resolve. */
    STRING_CONDITION_VALUE,
    /** A value of a Numeric, Date, Bool, Binary, IP address or Null operator. */
    OTHER_CONDITION_VALUE,
    /** Action, NotAction, Principal or NotPrincipal. */
    UNSUPPORTED_ELEMENT
  }

  /**
   * One string that holds the start of a variable.
   *
   * @param element the statement element it belongs to
   * @param operator the condition operator as written, for condition values
   */
  record Site(StringNode node, Kind kind, String element, String operator) {}

  /** Whether the policy's Version makes IAM resolve variables. */
  static boolean versionResolvesVariables(Policy policy) {
    return policy.versionValue().filter(VARIABLES_VERSION::equals).isPresent();
  }

  /**
   * Whether the policy's Version makes IAM read variables as plain text: no Version (which means
   * 2008-10-17) or 2008-10-17 itself. An unknown Version is INVALID_VERSION's business.
   */
  static boolean versionTreatsVariablesAsText(Policy policy) {
    if (policy.version().isEmpty()) {
      return true;
    }
    return policy.versionValue().filter("2008-10-17"::equals).isPresent();
  }

  /** The sites of the context's policy, found once per run for the five checks that read them. */
  static List<Site> of(CheckContext context) {
    return context.shared(VariableSites.class, (c, key) -> List.copyOf(of(c.policy())));
  }

  static List<Site> of(Policy policy) {
    List<Site> sites = new ArrayList<>();
    for (Statement s : policy.statements()) {
      for (String element : List.of("Resource", "NotResource")) {
        s.property(element)
            .ifPresent(
                p -> addStrings(sites, Statement.strings(p.value()), Kind.RESOURCE, element));
      }
      for (String element : List.of("Action", "NotAction")) {
        s.property(element)
            .ifPresent(
                p ->
                    addStrings(
                        sites, Statement.strings(p.value()), Kind.UNSUPPORTED_ELEMENT, element));
      }
      for (String element : List.of("Principal", "NotPrincipal")) {
        s.property(element).ifPresent(p -> addNested(sites, p.value(), element));
      }
      for (ConditionEntry entry : s.conditionEntries()) {
        Kind kind =
            entry
                .operator()
                .map(ConditionOperator::category)
                .map(VariableSites::kindFor)
                .orElse(Kind.STRING_CONDITION_VALUE);
        for (JsonNode value : entry.values()) {
          if (value instanceof StringNode str
              && !str.opaque() // a template's reference, not a policy variable
              && PolicyVariables.mayContain(str.value())) {
            sites.add(new Site(str, kind, "Condition", entry.operatorText()));
          }
        }
      }
    }
    return sites;
  }

  private static Kind kindFor(ConditionOperator.Category category) {
    return category == ConditionOperator.Category.STRING
            || category == ConditionOperator.Category.ARN
        ? Kind.STRING_CONDITION_VALUE
        : Kind.OTHER_CONDITION_VALUE;
  }

  private static void addStrings(
      List<Site> sites, List<StringElement> strings, Kind kind, String element) {
    for (StringElement e : strings) {
      if (PolicyVariables.mayContain(e.value())) {
        sites.add(new Site(e.node(), kind, element, null));
      }
    }
  }

  private static void addNested(List<Site> sites, JsonNode value, String element) {
    if (value instanceof StringNode str) {
      if (!str.opaque() && PolicyVariables.mayContain(str.value())) {
        sites.add(new Site(str, Kind.UNSUPPORTED_ELEMENT, element, null));
      }
    } else if (value instanceof ArrayNode array) {
      array.items().forEach(item -> addNested(sites, item, element));
    } else if (value instanceof ObjectNode object) {
      for (PropertyNode p : object.properties()) {
        addNested(sites, p.value(), element);
      }
    }
  }
}
