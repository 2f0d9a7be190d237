package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.syntax.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What a check may look at (the policy, its type, the catalog) and where it reports. */
public final class CheckContext {
  private final Policy policy;
  private final PolicyType policyType;
  private final Catalog catalog;
  private final List<Finding> findings = new ArrayList<>();

  public CheckContext(Policy policy, PolicyType policyType, Catalog catalog) {
    this.policy = policy;
    this.policyType = policyType;
    this.catalog = catalog;
  }

  public Policy policy() {
    return policy;
  }

  public PolicyType policyType() {
    return policyType;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Reports a finding on a node: its span and JSON path come from the tree. */
  public void report(PolicyCheck check, JsonNode at, String message) {
    findings.add(
        new Finding(check.code(), check.type(), message, at.offset(), at.length(), at.path()));
  }

  /**
   * Reports that an object lacks an element: on its opening brace, so the squiggle is small and
   * sits where the statement starts rather than under all of it.
   */
  public void reportMissing(
      PolicyCheck check, dev.iampolicyls.syntax.ObjectNode object, String message) {
    findings.add(
        new Finding(check.code(), check.type(), message, object.offset(), 1, object.path()));
  }

  /** Reports a finding on an explicit span, for problems that are not a whole node. */
  public void report(PolicyCheck check, int offset, int length, List<Object> path, String message) {
    findings.add(new Finding(check.code(), check.type(), message, offset, length, path));
  }

  /** Reports a finding on a node with related locations elsewhere in the document. */
  public void report(
      PolicyCheck check, JsonNode at, String message, List<Finding.Related> related) {
    findings.add(
        new Finding(
            check.code(), check.type(), message, at.offset(), at.length(), at.path(), related));
  }

  List<Finding> findings() {
    return findings;
  }
}
