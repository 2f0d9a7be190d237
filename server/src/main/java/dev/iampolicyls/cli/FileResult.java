package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;

/**
 * The outcome for one checked input: a file, or one policy embedded in an account dump.
 *
 * @param path how reports name it ({@code account.json#role/R/trust} for an embedded policy)
 * @param source the text, for positions and source lines; null when it could not be read
 * @param readProblem why the input could not be read, or null
 * @param artifactPath the file on disk the result belongs to
 * @param embeddedName the embedded policy's name inside that file, or null for a whole file
 * @param decodedPositions positions are in a decoded copy of the policy, not in the file itself
 */
record FileResult(
    String path,
    PolicyType policyType,
    List<Finding> findings,
    SourceText source,
    String readProblem,
    String artifactPath,
    String embeddedName,
    boolean decodedPositions) {

  FileResult {
    findings = List.copyOf(findings);
  }

  FileResult(
      String path,
      PolicyType policyType,
      List<Finding> findings,
      SourceText source,
      String readProblem) {
    this(path, policyType, findings, source, readProblem, path, null, false);
  }

  boolean unreadable() {
    return readProblem != null;
  }

  FileResult withFindings(List<Finding> kept) {
    return new FileResult(
        path, policyType, kept, source, readProblem, artifactPath, embeddedName, decodedPositions);
  }
}
