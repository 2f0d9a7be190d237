package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;
import java.util.function.Function;

/**
 * An element a policy type does not take, reported on the element's key. The checks differ only in
 * the policy type, the elements and what they say, so each is a factory here.
 */
final class ElementNotAllowedCheck extends PolicyCheck {
  private final PolicyType policyType;
  private final Function<Statement, List<PropertyNode>> elements;
  private final Function<PropertyNode, String> message;

  private ElementNotAllowedCheck(
      CheckCode code,
      PolicyType policyType,
      Function<Statement, List<PropertyNode>> elements,
      Function<PropertyNode, String> message) {
    super(code);
    this.policyType = policyType;
    this.elements = elements;
    this.message = message;
  }

  /** Identity policies apply to whoever they are attached to: they cannot name a principal. */
  static ElementNotAllowedCheck principalInIdentityPolicy() {
    return new ElementNotAllowedCheck(
        CheckCode.UNSUPPORTED_PRINCIPAL,
        PolicyType.IDENTITY_POLICY,
        Principals::elements,
        p ->
            "An identity policy cannot have a "
                + p.name()
                + " element: remove it, or validate this as a resource or trust policy");
  }

  /** Role trust policies name who may assume the role; they do not support NotPrincipal. */
  static ElementNotAllowedCheck notPrincipalInTrustPolicy() {
    return new ElementNotAllowedCheck(
        CheckCode.ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL,
        PolicyType.TRUST_POLICY,
        s -> s.notPrincipal().stream().toList(),
        p ->
            "Role trust policies do not support NotPrincipal: name who may assume the role in a"
                + " Principal element");
  }

  /** A role trust policy applies to its role: it takes no Resource or NotResource. */
  static ElementNotAllowedCheck resourceInTrustPolicy() {
    return new ElementNotAllowedCheck(
        CheckCode.ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE,
        PolicyType.TRUST_POLICY,
        s -> s.resourceOrNotResource().stream().toList(),
        r -> "A role trust policy applies to the role it is attached to: remove " + r.name());
  }

  /** RCPs list the actions they restrict: NotAction is not supported. */
  static ElementNotAllowedCheck notActionInRcp() {
    return new ElementNotAllowedCheck(
        CheckCode.RCP_SYNTAX_ERROR_NOTACTION,
        PolicyType.RESOURCE_CONTROL_POLICY,
        s -> s.notAction().stream().toList(),
        p -> "RCPs do not support NotAction: list the actions to restrict in Action");
  }

  /** SCPs apply to the principals of the accounts they are attached to: they name none. */
  static ElementNotAllowedCheck principalInScp() {
    return new ElementNotAllowedCheck(
        CheckCode.SCP_SYNTAX_ERROR_PRINCIPAL,
        PolicyType.SERVICE_CONTROL_POLICY,
        Principals::elements,
        p ->
            "SCPs cannot name principals: remove "
                + p.name()
                + " (to single out principals, use a condition on aws:PrincipalArn)");
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != policyType) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      for (PropertyNode element : elements.apply(s)) {
        context.report(this, element.key(), message.apply(element));
      }
    }
  }
}
