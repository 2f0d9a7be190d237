package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import java.util.BitSet;

/**
 * Read actions that return data or secrets (objects, parameters, secret values; {@code
 * risk-action-sets.tsv}) granted on every resource. A condition that pins the caller (source VPC,
 * IP, organisation...) or the resource (its tags, account) removes it: the data can then only be
 * read inside that perimeter.
 */
final class DataExfiltrationCheck extends EveryResourceRiskCheck {
  DataExfiltrationCheck() {
    super(CheckCode.DATA_EXFILTRATION);
  }

  @Override
  BitSet risky(GrantAnalysis analysis) {
    return analysis.risks().data();
  }

  @Override
  boolean removedBy(Grant g) {
    return g.pinning().any();
  }

  @Override
  String message(GrantAnalysis analysis, String actions, String where) {
    return "Grants reading data or secrets "
        + where
        + ": "
        + actions
        + ". Name the buckets, parameters or secrets the job reads.";
  }
}
