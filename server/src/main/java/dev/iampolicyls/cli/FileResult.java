package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.syntax.JsonDocument;
import java.util.List;

/**
 * The outcome for one checked input.
 *
 * @param document the parsed text, for positions and source lines; null when it could not be read
 * @param readProblem why the input could not be read, or null
 */
record FileResult(
    String path,
    PolicyType policyType,
    List<Finding> findings,
    JsonDocument document,
    String readProblem) {

  FileResult {
    findings = List.copyOf(findings);
  }

  boolean unreadable() {
    return readProblem != null;
  }
}
