package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of a document by code and exact range, built once per request: a fix looks up the
 * finding on its token in constant time, so a whole-document request over thousands of tokens and
 * findings stays linear.
 */
final class FindingsByRange {
  private record Key(CheckCode code, int offset, int length) {}

  private final Map<Key, Finding> byKey;

  private FindingsByRange(Map<Key, Finding> byKey) {
    this.byKey = byKey;
  }

  static FindingsByRange of(List<Finding> findings) {
    Map<Key, Finding> byKey = new HashMap<>();
    for (Finding f : findings) {
      byKey.putIfAbsent(new Key(f.code(), f.offset(), f.length()), f); // the first, as before
    }
    return new FindingsByRange(byKey);
  }

  /** The finding of this code exactly on the node, or null. */
  Finding on(JsonNode node, CheckCode code) {
    return byKey.get(new Key(code, node.offset(), node.length()));
  }
}
