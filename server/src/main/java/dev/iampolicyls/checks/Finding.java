package dev.iampolicyls.checks;

import java.util.List;

/**
 * One problem found in a policy: its stable code, type and message, the span of the offending token
 * (UTF-16 offsets into the document) and its JSON path as Access Analyzer reports it. Related
 * locations point at other tokens that take part in the same problem (the other actions of a
 * privilege escalation); most findings have none.
 */
public record Finding(
    CheckCode code,
    FindingType type,
    String message,
    int offset,
    int length,
    List<Object> path,
    List<Related> related) {

  /** Another span of the same document that takes part in a finding, with a short note. */
  public record Related(int offset, int length, String message) {}

  public Finding {
    path = List.copyOf(path);
    related = List.copyOf(related);
  }

  public Finding(
      CheckCode code, FindingType type, String message, int offset, int length, List<Object> path) {
    this(code, type, message, offset, length, path, List.of());
  }

  public int end() {
    return offset + length;
  }

  /** The same finding under another type (the configuration's), all else kept. */
  public Finding withType(FindingType newType) {
    return newType == type
        ? this
        : new Finding(code, newType, message, offset, length, path, related);
  }
}
