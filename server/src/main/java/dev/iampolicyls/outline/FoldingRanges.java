package dev.iampolicyls.outline;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Every object and array that spans several lines folds: statements, lists, conditions. */
public final class FoldingRanges {
  private FoldingRanges() {}

  /** Line pairs {@code [startLine, endLine]}, outermost first. */
  public static List<int[]> of(JsonDocument document) {
    List<int[]> out = new ArrayList<>();
    if (document.root() != null) {
      collect(document, document.root(), out);
    }
    return out;
  }

  private static void collect(JsonDocument document, JsonNode node, List<int[]> out) {
    if (node instanceof ObjectNode || node instanceof ArrayNode) {
      int start = document.positionAt(node.offset()).line();
      int end = document.positionAt(Math.max(node.offset(), node.end() - 1)).line();
      if (end - 1 > start) {
        // The closing bracket's line stays visible.
        out.add(new int[] {start, end - 1});
      }
    }
    for (JsonNode child : node.children()) {
      collect(document, child, out);
    }
  }
}
