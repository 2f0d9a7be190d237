package dev.iampolicyls.outline;

import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Folding ranges for statements and the larger blocks, and selection ranges that grow from the
 * token under the cursor through its element and statement to the whole policy.
 */
public final class SelectionRanges {
  private SelectionRanges() {}

  /** The spans {@code [offset, end)} to grow through, innermost first. */
  public static List<int[]> at(JsonDocument document, int offset) {
    List<int[]> out = new ArrayList<>();
    JsonNode node = document.nodeAt(offset);
    while (node != null) {
      if (node instanceof StringNode str && str.terminated() && str.length() > 2) {
        out.add(new int[] {str.contentOffset(), str.contentEnd()}); // the text without quotes
      }
      int[] span = {node.offset(), node.end()};
      if (out.isEmpty() || !Arrays.equals(out.get(out.size() - 1), span)) {
        out.add(span);
      }
      node = node.parent();
    }
    return out;
  }
}
