package dev.iampolicyls.checks;

/** Access Analyzer's finding types, most severe first. */
public enum FindingType {
  ERROR,
  SECURITY_WARNING,
  WARNING,
  SUGGESTION
}
