package dev.iampolicyls.codeactions;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.syntax.JsonNode;
import java.util.List;

/**
 * What a quick fix or refactoring needs: the policy, its findings, the requested range, and the
 * writer of edits in the syntax of the document that holds the policy.
 */
record FixContext(
    Policy policy,
    PolicyType type,
    Catalog catalog,
    List<Finding> findings,
    int start,
    int end,
    EditWriter edits) {

  String text() {
    return policy.document().text();
  }

  boolean touches(JsonNode node) {
    return node.offset() <= end && start <= node.end();
  }

  boolean touches(Finding f) {
    return f.offset() <= end && start <= f.end();
  }

  /** The innermost node that spans exactly the finding's range, or null. */
  JsonNode nodeOf(Finding f) {
    JsonNode n = policy.document().nodeAt(f.offset());
    while (n != null && !(n.offset() == f.offset() && n.length() == f.length())) {
      n = n.parent();
    }
    return n;
  }
}
