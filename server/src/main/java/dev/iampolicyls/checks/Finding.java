package dev.iampolicyls.checks;

import java.util.List;

/**
 * One problem found in a policy: its stable code, type and message, the span of the offending token
 * (UTF-16 offsets into the document) and its JSON path as Access Analyzer reports it.
 */
public record Finding(
    String code, FindingType type, String message, int offset, int length, List<Object> path) {

  public Finding {
    path = List.copyOf(path);
  }

  public int end() {
    return offset + length;
  }
}
