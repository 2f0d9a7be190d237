package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the principal format checks look at: the Principal and NotPrincipal elements of the
 * statements of a resource-based policy. Other policy types get none: an identity policy cannot
 * name a principal at all (UNSUPPORTED_PRINCIPAL says so), and its principals are not checked for
 * form.
 */
final class PrincipalElements {
  private PrincipalElements() {}

  /** The Principal and NotPrincipal elements, statement by statement. */
  static List<PropertyNode> of(CheckContext context) {
    if (!context.policyType().isResourceBased()) {
      return List.of();
    }
    List<PropertyNode> elements = new ArrayList<>();
    for (Statement s : context.policy().statements()) {
      elements.addAll(Principals.elements(s));
    }
    return elements;
  }

  /** The principal entries of those elements, one per string value. */
  static List<PrincipalEntry> entries(CheckContext context) {
    if (!context.policyType().isResourceBased()) {
      return List.of();
    }
    List<PrincipalEntry> entries = new ArrayList<>();
    for (Statement s : context.policy().statements()) {
      entries.addAll(Principals.ofBoth(s));
    }
    return entries;
  }
}
