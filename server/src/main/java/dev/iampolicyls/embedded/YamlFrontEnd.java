package dev.iampolicyls.embedded;

import dev.iampolicyls.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML into {@link HostValue}s with snakeyaml-engine's composer: it builds the node tree
 * without constructing any object, keeps unknown tags ({@code !Sub}, {@code !GetAtt}) on the nodes,
 * and marks where every node starts and ends. Its marks count code points; they become UTF-16
 * offsets here, as every position in this project is. A syntax error gives no tree, only the error
 * at its position.
 */
final class YamlFrontEnd {
  /** The result: a tree, or the syntax error that stopped the composer. */
  record Result(Optional<HostValue> root, List<SyntaxError> errors) {}

  private static final int DEFAULT_CODE_POINT_LIMIT = 3 * 1024 * 1024;

  private final String text;

  /** UTF-16 offset of each code point index, or null when the text has no surrogate pairs. */
  private final int[] utf16Offsets;

  private YamlFrontEnd(String text) {
    this.text = text;
    this.utf16Offsets = codePointOffsets(text);
  }

  static Result read(String text) {
    BlankRuns.Squeezed squeezed = BlankRuns.squeeze(text);
    if (squeezed == null) {
      return new YamlFrontEnd(text).read();
    }
    // Read without the long blank runs, then moved back onto the text's offsets.
    return read(squeezed, text);
  }

  /**
   * Reads {@code squeezed}'s text, some lines of {@code original} whose other lines are blank, and
   * moves the tree and errors onto {@code original}'s offsets: what reading {@code original} gives,
   * for the cost of reading those lines alone.
   */
  static Result read(BlankRuns.Squeezed squeezed, String original) {
    Result result = new YamlFrontEnd(squeezed.text()).read();
    HostValue.Scalar host = squeezed.host(original);
    int[] at = squeezed.hostOffsets();
    return new Result(
        result.root().map(root -> Relocation.move(root, host)),
        result.errors().stream()
            .map(
                e -> {
                  int start = at[Math.min(e.offset(), at.length - 1)];
                  int end = at[Math.min(e.offset() + e.length(), at.length - 1)];
                  return new SyntaxError(start, end - start, e.message());
                })
            .toList());
  }

  /** The reader's settings for texts under its default size limit: made once (they are kept). */
  private static final LoadSettings SETTINGS = settings(DEFAULT_CODE_POINT_LIMIT);

  private static LoadSettings settings(int codePointLimit) {
    return LoadSettings.builder()
        .setAllowDuplicateKeys(true)
        .setCodePointLimit(codePointLimit)
        .setMaxAliasesForCollections(100)
        .build();
  }

  private Result read() {
    LoadSettings settings =
        text.length() < DEFAULT_CODE_POINT_LIMIT ? SETTINGS : settings(text.length() + 1);
    try {
      Optional<Node> node = new Compose(settings).composeString(text);
      return new Result(node.map(this::convert), List.of());
    } catch (MarkedYamlEngineException e) {
      int offset = e.getProblemMark().or(e::getContextMark).map(this::offset).orElse(0);
      return new Result(Optional.empty(), List.of(error(offset, describe(e))));
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
      return new Result(Optional.empty(), List.of(error(0, String.valueOf(e.getMessage()))));
    }
  }

  private SyntaxError error(int offset, String message) {
    int length = offset < text.length() && !Character.isWhitespace(text.charAt(offset)) ? 1 : 0;
    return new SyntaxError(offset, length, "YAML syntax error: " + message);
  }

  /** The problem in a sentence, without the excerpt and caret the library appends. */
  private static String describe(MarkedYamlEngineException e) {
    String context = e.getContext();
    String problem = e.getProblem();
    if (context != null && problem != null) {
      return problem + " (" + context + ")";
    }
    return problem != null ? problem : String.valueOf(context);
  }

  private HostValue convert(Node node) {
    int start = offset(node.getStartMark());
    int end = Math.max(start, offset(node.getEndMark()));
    String function = functionName(node.getTag());
    if (function != null) {
      HostValue argument = convertUntagged(node, contentStart(start, end), end);
      return new HostValue.Function(function, argument, start, end - start);
    }
    HostValue value = convertUntagged(node, start, end);
    return value instanceof HostValue.Mapping m ? Functions.fromMapping(m) : value;
  }

  /** The node itself, as if it had no tag, spanning {@code [start, end)}. */
  private HostValue convertUntagged(Node node, int start, int end) {
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar, start, end);
    }
    if (node instanceof SequenceNode sequence) {
      List<HostValue> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(convert(item));
      }
      return new HostValue.Sequence(start, end - start, items);
    }
    MappingNode mapping = (MappingNode) node;
    List<HostValue.Entry> entries = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (convert(tuple.getKeyNode()) instanceof HostValue.Scalar key) {
        entries.add(new HostValue.Entry(key, convert(tuple.getValueNode())));
      }
    }
    return new HostValue.Mapping(start, end - start, entries);
  }

  private HostValue.Scalar scalar(ScalarNode node, int start, int end) {
    String value = node.getValue();
    ScalarStyle style = node.getScalarStyle();
    if (style == ScalarStyle.PLAIN) {
      return new HostValue.Scalar(
          value,
          start,
          end - start,
          HostValue.Style.PLAIN,
          SourceAlignment.align(text, start, end, value, false));
    }
    if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
      return new HostValue.Scalar(
          value,
          start,
          end - start,
          HostValue.Style.QUOTED,
          SourceAlignment.align(
              text, start + 1, end - 1, value, style == ScalarStyle.DOUBLE_QUOTED));
    }
    // A block scalar: its text starts on the line after the | or > header.
    int body = text.indexOf('\n', start);
    body = body < 0 || body > end ? end : body + 1;
    return new HostValue.Scalar(
        value,
        start,
        end - start,
        HostValue.Style.BLOCK,
        SourceAlignment.align(text, body, end, value, false));
  }

  /** Past a tag ({@code !Sub }) at {@code start}: where the tagged value itself begins. */
  private int contentStart(int start, int end) {
    int i = start;
    if (i < end && text.charAt(i) == '!') {
      while (i < end && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < end && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  /** {@code Ref}, {@code Condition} or {@code Fn::Name} for a template tag; null for others. */
  private static String functionName(Tag tag) {
    String value = tag.getValue();
    if (!value.startsWith("!") || value.startsWith("!!") || value.length() < 2) {
      return null;
    }
    String name = value.substring(1);
    return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
  }

  private int offset(Optional<Mark> mark) {
    return mark.map(this::offset).orElse(0);
  }

  private int offset(Mark mark) {
    int index = mark.getIndex();
    if (utf16Offsets == null) {
      return Math.min(index, text.length());
    }
    return index < utf16Offsets.length ? utf16Offsets[index] : text.length();
  }

  private static int[] codePointOffsets(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      return null;
    }
    int[] offsets = new int[codePoints + 1];
    int offset = 0;
    for (int i = 0; i < codePoints; i++) {
      offsets[i] = offset;
      offset += Character.charCount(text.codePointAt(offset));
    }
    offsets[codePoints] = text.length();
    return offsets;
  }
}
