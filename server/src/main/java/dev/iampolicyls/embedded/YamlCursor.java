package dev.iampolicyls.embedded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where the cursor is in a YAML document, read from the text around it rather than from a parse: a
 * document being typed is often not YAML at all ({@code Act} on its own line has no colon yet), and
 * where it is, it may mean something else than what is being typed ({@code - s3:} is a map). The
 * cursor's line says what is typed (a key, a key's value, a sequence item, inside a flow collection
 * on that line) and the lines above, by their indentation, say whose: the keys and item numbers
 * from the document's root.
 *
 * @param path the container of what is typed, from the root: for a key, the map's path; for a
 *     value, the map's path and the key; for an item, the path of the sequence's owner
 * @param place what is typed
 * @param replaceStart start of the scalar being typed (its opening quote included), or the cursor
 * @param replaceEnd end of that scalar on its line (closing quote included)
 * @param prefix what is typed between the opening quote (or the scalar's start) and the cursor
 * @param quote the quote character the scalar opened with, or 0 for a plain one
 * @param flow whether the cursor is inside a flow collection ({@code [...]}, {@code {...}})
 * @param keyHasColon for a key: it is already followed by its colon
 * @param column the column of the key or dash that owns what is typed (a key's own column)
 * @param spaceBefore a value is typed right after its key's colon and needs a space before it
 * @param tag the tag written before the value ({@code !Sub}), or null
 */
public record YamlCursor(
    List<Object> path,
    Place place,
    int replaceStart,
    int replaceEnd,
    String prefix,
    char quote,
    boolean flow,
    boolean keyHasColon,
    int column,
    boolean spaceBefore,
    String tag) {

  public YamlCursor {
    path = List.copyOf(path);
  }

  /**
   * The same place in a text where this one's characters sit {@code by} further on: a cursor found
   * in one resource read alone, moved onto the template holding it.
   */
  public YamlCursor shifted(int by) {
    return by == 0
        ? this
        : new YamlCursor(
            path,
            place,
            replaceStart + by,
            replaceEnd + by,
            prefix,
            quote,
            flow,
            keyHasColon,
            column,
            spaceBefore,
            tag);
  }

  /** What is typed at the cursor. */
  public enum Place {
    KEY,
    VALUE,
    ITEM
  }

  /** One line's structure: the dashes of sequence items, then a key or a scalar. */
  /**
   * @param function the template function whose tag alone is the line's value ({@code - !If},
   *     {@code Action: !If}), its argument on the lines below; or null
   */
  private record Line(
      List<Integer> dashes, int keyColumn, String key, boolean inlineValue, String function) {
    static final Line BLANK = new Line(List.of(), -1, null, false, null);
  }

  /** The cursor's place, or null where nothing sensible is typed (comments, block scalars). */
  public static YamlCursor find(String text, int offset) {
    if (offset < 0 || offset > text.length()) {
      return null;
    }
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = lineEnd(text, lineStart);
    if (offset > lineEnd) {
      return null; // between \r and \n
    }
    String line = text.substring(lineStart, lineEnd);
    int cur = offset - lineStart;
    if (commentBefore(line, cur)) {
      return null;
    }
    int i = indentation(line);
    List<Integer> dashes = new ArrayList<>();
    while (isDash(line, i)) {
      dashes.add(i);
      i++;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    Builder b = new Builder(text, lineStart, offset);
    if (!dashes.isEmpty() && cur <= dashes.get(dashes.size() - 1)) {
      return null; // on or before a dash: nothing is typed there
    }
    // "-" typed with no space yet: the value needs one.
    b.spaceBefore = cur > 0 && line.charAt(cur - 1) == '-' && !dashes.isEmpty();
    if (cur < i || i >= line.length() || line.substring(i).isBlank()) {
      if (!line.substring(Math.min(cur, line.length())).isBlank()) {
        return null; // in the indentation before content
      }
      // A blank line, or nothing yet after the dashes: a new key at the cursor's column, or a new
      // item of the last dash's sequence.
      if (dashes.isEmpty()) {
        return b.key(containerPath(text, lineStart, List.of(), cur, false), cur, offset, offset);
      }
      int dash = dashes.get(dashes.size() - 1);
      return b.item(
          containerPath(text, lineStart, dashes.subList(0, dashes.size() - 1), dash, true),
          dash,
          offset,
          offset);
    }
    if (isFlowStart(line.charAt(i))) {
      return flow(b, line, i, containerPath(text, lineStart, dashes, i, false), i);
    }
    int colon = keyColon(line, i);
    if (colon >= 0
        && cur == colon + 1
        && line.substring(cur).isBlank()
        && Character.isLowerCase(line.charAt(i))) {
      // "s3:" or "aws:" just typed: the start of an action or condition key, not a key of its
      // own (policy elements and principal kinds start with a capital).
      colon = -1;
    }
    if (colon >= 0 && cur <= colon) {
      b.keyHasColon = true;
      int end = colon;
      while (end > i && line.charAt(end - 1) == ' ') {
        end--;
      }
      b.quoteAt(line, i);
      return b.key(
          containerPath(text, lineStart, dashes, i, false), i, lineStart + i, lineStart + end);
    }
    if (colon >= 0) {
      String key = unquote(line.substring(i, colon).strip());
      List<Object> keyPath = append(containerPath(text, lineStart, dashes, i, false), key);
      int v = colon + 1;
      b.spaceBefore = cur == v;
      while (v < cur && line.charAt(v) == ' ') {
        v++;
      }
      if (v < line.length() && line.charAt(v) == '!') {
        int tagEnd = v;
        while (tagEnd < line.length() && line.charAt(tagEnd) != ' ') {
          tagEnd++;
        }
        if (cur > tagEnd) {
          b.tag = line.substring(v, tagEnd);
          v = tagEnd;
          while (v < cur && line.charAt(v) == ' ') {
            v++;
          }
        } // else the tag is being typed: it is the value so far
      }
      if (v < line.length() && isFlowStart(line.charAt(v))) {
        // A tagged collection is a function's argument ({@code !Join [...]}): no policy value.
        return b.tag != null || v >= cur ? null : flow(b, line, v, keyPath, i);
      }
      if (v < line.length() && (line.charAt(v) == '|' || line.charAt(v) == '>')) {
        return null; // a block scalar: its lines are text, not YAML
      }
      if (tagOrNothing(line.substring(v)) && valueBelow(text, lineEnd, i)) {
        return null; // the key's value is on the lines below: a second one would break it
      }
      if (v > cur || (v == cur && !line.substring(cur).isBlank() && !b.startsScalar(line, v))) {
        return null;
      }
      b.quoteAt(line, v);
      return b.value(keyPath, i, lineStart + v, lineStart + b.scalarEnd(line, v, false));
    }
    b.quoteAt(line, i);
    int end = lineStart + b.scalarEnd(line, i, false);
    if (!dashes.isEmpty()) {
      int dash = dashes.get(dashes.size() - 1);
      if (tagOrNothing(line.substring(i)) && valueBelow(text, lineEnd, dash)) {
        return null; // a tag whose argument is on the lines below is being edited
      }
      return b.item(
          containerPath(text, lineStart, dashes.subList(0, dashes.size() - 1), dash, true),
          dash,
          lineStart + i,
          end);
    }
    // A word alone on its line: a key whose colon is not typed yet.
    return b.key(containerPath(text, lineStart, List.of(), i, false), i, lineStart + i, end);
  }

  /** Collects the parts of the answer that depend on the typed scalar. */
  private static final class Builder {
    final String text;
    final int lineStart;
    final int offset;
    char quote;
    boolean keyHasColon;
    boolean spaceBefore;
    boolean flow;
    String tag;

    Builder(String text, int lineStart, int offset) {
      this.text = text;
      this.lineStart = lineStart;
      this.offset = offset;
    }

    void quoteAt(String line, int at) {
      quote =
          at < line.length() && (line.charAt(at) == '\'' || line.charAt(at) == '"')
              ? line.charAt(at)
              : 0;
    }

    boolean startsScalar(String line, int at) {
      char c = line.charAt(at);
      return c == '\'' || c == '"' || !Character.isWhitespace(c);
    }

    /**
     * End of the scalar starting at {@code at} on the line: its closing quote, a comment, a
     * delimiter.
     */
    int scalarEnd(String line, int at, boolean inFlow) {
      if (quote != 0) {
        for (int j = at + 1; j < line.length(); j++) {
          char c = line.charAt(j);
          if (quote == '"' && c == '\\') {
            j++;
          } else if (c == quote) {
            if (quote == '\'' && j + 1 < line.length() && line.charAt(j + 1) == '\'') {
              j++;
              continue;
            }
            return j + 1;
          }
        }
        return trimmedEnd(line, line.length());
      }
      int j = at;
      while (j < line.length()) {
        char c = line.charAt(j);
        if (c == '#' && j > 0 && line.charAt(j - 1) == ' ') {
          break;
        }
        if (inFlow && (c == ',' || c == ']' || c == '}')) {
          break;
        }
        if (inFlow && c == ':' && (j + 1 == line.length() || line.charAt(j + 1) == ' ')) {
          break;
        }
        j++;
      }
      return Math.max(offset - lineStart, trimmedEnd(line, j));
    }

    private static int trimmedEnd(String line, int end) {
      while (end > 0 && line.charAt(end - 1) == ' ') {
        end--;
      }
      return end;
    }

    private String prefix(int start) {
      int from = Math.min(offset, start + (quote != 0 ? 1 : 0));
      return text.substring(from, offset);
    }

    YamlCursor key(List<Object> path, int column, int start, int end) {
      return make(path, Place.KEY, column, start, end);
    }

    YamlCursor value(List<Object> path, int column, int start, int end) {
      return make(path, Place.VALUE, column, start, end);
    }

    YamlCursor item(List<Object> path, int column, int start, int end) {
      return make(path, Place.ITEM, column, start, end);
    }

    private YamlCursor make(List<Object> path, Place place, int column, int start, int end) {
      return new YamlCursor(
          path,
          place,
          start,
          Math.max(end, offset),
          prefix(start),
          quote,
          flow,
          keyHasColon,
          column,
          spaceBefore,
          tag);
    }
  }

  /**
   * Inside a flow collection that opens at {@code from} on the cursor's line: the collections still
   * open at the cursor give the rest of the path. Collections spanning lines are not read.
   */
  private static YamlCursor flow(
      Builder b, String line, int from, List<Object> base, int ownerColumn) {
    record Frame(char open, int[] index, String[] key) {}
    if (!closesOnLine(line, from)) {
      return null; // spread over several lines: its items are not all on this one
    }
    Deque<Frame> open = new ArrayDeque<>();
    int cur = b.offset - b.lineStart;
    int tokenStart = from;
    for (int j = from; j < cur; j++) {
      char c = line.charAt(j);
      if (c == '\'' || c == '"') {
        int close = line.indexOf(c, j + 1);
        if (close < 0 || close >= cur) {
          break; // the cursor is inside this quoted scalar: it is the token being typed
        }
        j = close;
        continue;
      }
      if (c == '[' || c == '{') {
        open.push(new Frame(c, new int[] {0}, new String[] {null}));
        tokenStart = j + 1;
      } else if (c == ']' || c == '}') {
        open.poll();
        tokenStart = j + 1;
      } else if (c == ',' && !open.isEmpty()) {
        Frame f = open.peek();
        f.index()[0]++;
        f.key()[0] = null;
        tokenStart = j + 1;
      } else if (c == ':'
          && !open.isEmpty()
          && open.peek().open() == '{'
          && open.peek().key()[0] == null
          && (j + 1 >= line.length() || " ,]}".indexOf(line.charAt(j + 1)) >= 0)) {
        open.peek().key()[0] = unquote(line.substring(tokenStart, j).strip());
        tokenStart = j + 1;
      }
    }
    if (open.isEmpty()) {
      return null; // after the collection closed
    }
    while (tokenStart < cur && line.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    List<Object> path = new ArrayList<>(base);
    List<Frame> frames = new ArrayList<>(open);
    java.util.Collections.reverse(frames);
    for (int k = 0; k < frames.size() - 1; k++) {
      Frame f = frames.get(k);
      if (f.open() == '[') {
        path.add(f.index()[0]);
      } else if (f.key()[0] != null) {
        path.add(f.key()[0]);
      } else {
        return null; // a collection in key position
      }
    }
    b.flow = true;
    b.quoteAt(line, tokenStart);
    int end = b.lineStart + b.scalarEnd(line, tokenStart, true);
    int start = b.lineStart + tokenStart;
    Frame top = frames.get(frames.size() - 1);
    if (top.open() == '[') {
      return b.item(path, ownerColumn, start, end);
    }
    if (top.key()[0] != null) {
      return b.value(append(path, top.key()[0]), ownerColumn, start, end);
    }
    int colon = end - b.lineStart;
    while (colon < line.length() && line.charAt(colon) == ' ') {
      colon++;
    }
    b.keyHasColon = colon < line.length() && line.charAt(colon) == ':';
    return b.key(path, ownerColumn, start, end);
  }

  /**
   * The path of the collection holding a node at {@code column} of the line at {@code lineStart}:
   * {@code dashes} on that line left of the node are items it is inside; the lines above, by their
   * indentation, give the keys and the items around it, each item numbered by the dashes of its
   * sequence above it.
   *
   * @param isDash the node is a sequence item's dash (its sequence may sit at its owner key's
   *     column)
   */
  static List<Object> containerPath(
      String text, int lineStart, List<Integer> dashes, int column, boolean isDash) {
    Deque<Object> path = new ArrayDeque<>();
    int limit = column;
    boolean limitIsDash = isDash;
    int[] counting = null;
    for (int k = dashes.size() - 1; k >= 0; k--) {
      counting = new int[] {0};
      path.addFirst(counting);
      limit = dashes.get(k);
      limitIsDash = true;
    }
    int end = lineStart - 1;
    while (end >= 0 && !(limit == 0 && !limitIsDash)) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      int indent = 0;
      while (start + indent < text.length() && text.charAt(start + indent) == ' ') {
        indent++;
      }
      if (indent > limit || (indent == limit && !limitIsDash)) {
        // Nested in an earlier sibling, or that sibling itself: its key and dashes sit at or right
        // of the limit, so nothing on the line adds to the path (most lines of a long template).
        end = start - 1;
        continue;
      }
      Line line = parseLine(text.substring(start, lineEnd(text, start)));
      end = start - 1;
      if (line.keyColumn() >= 0 && line.keyColumn() <= limit) {
        int col = line.keyColumn();
        if (col < limit || (limitIsDash && !line.inlineValue())) {
          if (line.function() != null) {
            path.addFirst(line.function());
          }
          path.addFirst(line.key());
          limit = col;
          limitIsDash = false;
          counting = null;
        }
      }
      for (int k = line.dashes().size() - 1; k >= 0; k--) {
        int dash = line.dashes().get(k);
        if (dash < limit) {
          if (k == line.dashes().size() - 1 && line.keyColumn() < 0 && line.function() != null) {
            path.addFirst(line.function());
          }
          counting = new int[] {0};
          path.addFirst(counting);
          limit = dash;
          limitIsDash = true;
        } else if (dash == limit && limitIsDash && counting != null) {
          counting[0]++;
        }
      }
      if (end < 0) {
        break;
      }
    }
    List<Object> out = new ArrayList<>();
    for (Object part : path) {
      out.add(part instanceof int[] n ? (Object) n[0] : part);
    }
    return out;
  }

  /** Whether the flow collection opening at {@code from} closes on its line. */
  private static boolean closesOnLine(String line, int from) {
    int depth = 0;
    char quote = 0;
    for (int j = from; j < line.length(); j++) {
      char c = line.charAt(j);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == '#' && line.charAt(j - 1) == ' ') {
        break;
      }
    }
    return depth <= 0;
  }

  /** Whether a value as written on its line is nothing, or a tag alone ({@code !Join}). */
  private static boolean tagOrNothing(String value) {
    String v = value.strip();
    return v.isEmpty() || (v.startsWith("!") && !v.contains(" "));
  }

  /**
   * Whether the next line with content after {@code from} holds the value of a key at {@code
   * column}: it is indented further, or is an item of a sequence at the key's own column.
   */
  private static boolean valueBelow(String text, int from, int column) {
    int start = text.indexOf('\n', from) + 1;
    while (start > 0 && start < text.length()) {
      int end = lineEnd(text, start);
      String line = text.substring(start, end);
      int indent = indentation(line);
      if (indent < line.length() && line.charAt(indent) != '#') {
        return indent > column || (indent == column && isDash(line, indent));
      }
      start = text.indexOf('\n', end) + 1;
    }
    return false;
  }

  /** A line's dashes and its key, read without the rest of the document. */
  private static Line parseLine(String line) {
    int i = indentation(line);
    if (i >= line.length() || line.charAt(i) == '#') {
      return Line.BLANK;
    }
    List<Integer> dashes = new ArrayList<>();
    while (isDash(line, i)) {
      dashes.add(i);
      i++;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    int colon = i < line.length() ? keyColon(line, i) : -1;
    if (colon < 0) {
      return new Line(dashes, -1, null, false, tagOnly(line.substring(i)));
    }
    String rest = line.substring(colon + 1).strip();
    boolean inline = !rest.isEmpty() && !rest.startsWith("#");
    return new Line(dashes, i, unquote(line.substring(i, colon).strip()), inline, tagOnly(rest));
  }

  /** The function of a value that is a template tag alone ({@code !If}), as its long name. */
  private static String tagOnly(String value) {
    String v = value.strip();
    if (v.length() < 2 || v.charAt(0) != '!' || v.charAt(1) == '!' || v.contains(" ")) {
      return null;
    }
    String name = v.substring(1);
    return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
  }

  /**
   * The colon that ends a key starting at {@code from}, or -1 when the line has none there: a colon
   * followed by a space or the line's end, outside quotes; {@code arn:aws:s3:::x} has none.
   */
  static int keyColon(String line, int from) {
    if (from >= line.length() || isFlowStart(line.charAt(from))) {
      return -1;
    }
    int j = from;
    char q = line.charAt(from);
    if (q == '\'' || q == '"') {
      int close = line.indexOf(q, from + 1);
      if (close < 0) {
        return -1;
      }
      j = close + 1;
      while (j < line.length() && line.charAt(j) == ' ') {
        j++;
      }
      return j < line.length() && line.charAt(j) == ':' && followsColon(line, j) ? j : -1;
    }
    for (; j < line.length(); j++) {
      char c = line.charAt(j);
      if (c == '#' && j > from && line.charAt(j - 1) == ' ') {
        return -1;
      }
      if (c == ':' && followsColon(line, j)) {
        return j;
      }
    }
    return -1;
  }

  private static boolean followsColon(String line, int colon) {
    return colon + 1 >= line.length() || line.charAt(colon + 1) == ' ';
  }

  private static boolean isFlowStart(char c) {
    return c == '[' || c == '{';
  }

  private static boolean isDash(String line, int i) {
    return i < line.length()
        && line.charAt(i) == '-'
        && (i + 1 == line.length() || line.charAt(i + 1) == ' ');
  }

  /** Whether a comment starts on the line before the cursor (outside quotes). */
  private static boolean commentBefore(String line, int cur) {
    char q = 0;
    for (int j = 0; j < cur && j < line.length(); j++) {
      char c = line.charAt(j);
      if (q != 0) {
        if (c == q) {
          q = 0;
        }
      } else if (c == '\'' || c == '"') {
        q = c;
      } else if (c == '#' && (j == 0 || line.charAt(j - 1) == ' ')) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String key) {
    if (key.length() >= 2
        && (key.charAt(0) == '"' || key.charAt(0) == '\'')
        && key.charAt(key.length() - 1) == key.charAt(0)) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }

  private static int indentation(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int lineEnd(String text, int lineStart) {
    int i = lineStart;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static List<Object> append(List<Object> path, Object more) {
    List<Object> out = new ArrayList<>(path);
    out.add(more);
    return out;
  }
}
