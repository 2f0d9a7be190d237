package dev.iampolicyls.embedded;

import dev.iampolicyls.syntax.LineIndex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the resources of one version of a template's text are, read once from its lines without
 * parsing it: the line starts, the top-level {@code Resources:} line, and for each resource its
 * first line, logical name and {@code Type}. A request at an offset finds its resource by binary
 * search and reads only that resource ({@link #excerptAt}), so its cost does not grow with the rest
 * of the template. Made once per version (the language server keeps it with the document's
 * snapshot); immutable, and safe to share between threads.
 *
 * <p>A YAML template's resources are its lines indented as the first one under {@code Resources:},
 * up to the first line indented less (blank and comment lines take no part); a JSON template has
 * none here (it is read whole) and its resource types come from a parse.
 */
public final class TemplateLayout {
  private static final String RESOURCES = "Resources:";

  /**
   * A resource: its lines {@code [start, end)} (blank and comment lines after it included), its
   * logical name (null when its line is not a plain {@code Name:}) and its type (null when none is
   * written yet).
   */
  public record Resource(int start, int end, String name, String type) {}

  private final String text;
  private final boolean json;

  /** The start of each line, split at LF only (a CR before it belongs to the line). */
  private final int[] lineStarts;

  private final boolean hasCarriageReturn;

  /** The start of the {@code Resources:} line and of the line after it; -1 when there is none. */
  private final int resourcesLine;

  private final int resourcesNext;

  /** Each resource's first line, in order, and its name (null when not a plain name). */
  private final int[] resourceStarts;

  private final String[] resourceNames;

  /** Where the Resources section ends: its first line indented less, or the text's end. */
  private final int resourcesEnd;

  /** Logical name to type (or the references table's variant of it), in document order. */
  private final Map<String, String> yamlTypes;

  private volatile Map<String, String> jsonTypes;
  private volatile Boolean looksLikeTemplate;
  private volatile LineIndex lines;

  private TemplateLayout(String text) {
    this.text = text;
    this.json = CloudFormationFormat.startsAsJson(text);
    if (json) {
      lineStarts = null;
      hasCarriageReturn = false; // not asked: a JSON text's lines are indexed by LineIndex
      resourcesLine = -1;
      resourcesNext = -1;
      resourceStarts = new int[0];
      resourceNames = new String[0];
      resourcesEnd = text.length();
      yamlTypes = Map.of();
      return;
    }
    Scan scan = new Scan(text);
    scan.run();
    lineStarts = Arrays.copyOf(scan.lineStarts, scan.lineCount);
    hasCarriageReturn = scan.carriageReturn;
    resourcesLine = scan.resourcesLine;
    resourcesNext = scan.resourcesNext;
    resourceStarts = Arrays.copyOf(scan.starts, scan.count);
    resourceNames = Arrays.copyOf(scan.names, scan.count);
    resourcesEnd = scan.sectionEnd;
    yamlTypes = Collections.unmodifiableMap(scan.types);
  }

  /** The layout of a text; any text, template or not. */
  public static TemplateLayout of(String text) {
    return new TemplateLayout(text);
  }

  public String text() {
    return text;
  }

  /** Whether the text is JSON (it starts with a brace), rather than YAML. */
  public boolean json() {
    return json;
  }

  /**
   * Whether a YAML text shows what every template has ({@link
   * CloudFormationFormat#looksLikeTemplate}); asked once.
   */
  public boolean looksLikeTemplate() {
    Boolean looks = looksLikeTemplate;
    if (looks == null) {
      looks = CloudFormationFormat.looksLikeTemplate(text);
      looksLikeTemplate = looks;
    }
    return looks;
  }

  /** The text's line index, from the line starts found here when the text has no CR. */
  public LineIndex lines() {
    LineIndex l = lines;
    if (l == null) {
      l =
          lineStarts != null && !hasCarriageReturn
              ? LineIndex.ofLineStarts(text, lineStarts)
              : new LineIndex(text);
      lines = l;
    }
    return l;
  }

  /**
   * The resources by logical name, with their types (or the references table's variant), in
   * document order: a YAML template's from its lines, even while one is half typed; a JSON
   * template's from a parse, made once.
   */
  public Map<String, String> resourceTypes() {
    if (!json) {
      return yamlTypes;
    }
    Map<String, String> types = jsonTypes;
    if (types == null) {
      types = TemplateResources.of(text);
      jsonTypes = types;
    }
    return types;
  }

  /**
   * The top-level resource of a YAML template whose lines hold {@code offset}, or null where there
   * is none (before or after the Resources section, or in a JSON template).
   */
  public Resource resourceAt(int offset) {
    int k = resourceIndexAt(offset);
    if (k < 0) {
      return null;
    }
    String name = resourceNames[k];
    return new Resource(
        resourceStarts[k], resourceEnd(k), name, name == null ? null : yamlTypes.get(name));
  }

  private int resourceIndexAt(int offset) {
    if (resourceStarts.length == 0
        || offset <= resourcesLine
        || offset < resourceStarts[0]
        || offset > resourcesEnd
        || (offset == resourcesEnd && resourcesEnd < text.length())) {
      return -1;
    }
    int k = Arrays.binarySearch(resourceStarts, offset);
    return k >= 0 ? k : -k - 2;
  }

  private int resourceEnd(int k) {
    return k + 1 < resourceStarts.length ? resourceStarts[k + 1] : resourcesEnd;
  }

  /**
   * The resource around {@code offset} as a text of its own ({@link Excerpt}), or null where the
   * offset is in no resource.
   */
  public Excerpt excerptAt(int offset) {
    int k = resourceIndexAt(offset);
    if (k < 0) {
      return null;
    }
    int start = resourceStarts[k];
    String header = text.substring(resourcesLine, resourcesNext);
    return new Excerpt(this, start, header, header + text.substring(start, resourceEnd(k)));
  }

  /**
   * One resource of a template as a text of its own: the {@code Resources:} line, then the
   * resource's lines. Reading it (or a variant of it with the same first line, say with the word
   * being typed blanked) gives what reading the whole template with every other line blanked would,
   * at the template's offsets, for a cost that grows only with the resource.
   */
  public static final class Excerpt {
    private final TemplateLayout layout;
    private final int start;
    private final int headerLength;
    private final String text;

    private Excerpt(TemplateLayout layout, int start, String header, String text) {
      this.layout = layout;
      this.start = start;
      this.headerLength = header.length();
      this.text = text;
    }

    /** The Resources line and the resource's lines. */
    public String text() {
      return text;
    }

    /** What to add to an offset of the excerpt (past its first line) for the template's. */
    public int shift() {
      return start - headerLength;
    }

    /**
     * Reads a variant of {@link #text()} that keeps its first line, at the template's offsets, as
     * {@link CloudFormationFormat#read} reads the template with every other line blanked; empty
     * when the variant is no YAML or no template. The documents' text is the template's.
     */
    public Optional<HostDocument> read(String variant) {
      int[] hostOffsets = new int[variant.length() + 1];
      for (int i = 0; i < headerLength; i++) {
        hostOffsets[i] = layout.resourcesLine + i;
      }
      int shift = shift();
      for (int i = headerLength; i <= variant.length(); i++) {
        hostOffsets[i] = shift + i;
      }
      return CloudFormationFormat.readBlanked(
          layout.text, new BlankRuns.Squeezed(variant, hostOffsets));
    }
  }

  /**
   * The one pass over a YAML text: every line start, whether it has a CR, the {@code Resources:}
   * line, then each resource's line, name and type. It reads the characters as Latin-1 bytes (a
   * copy of the string's own array for most texts): an array read is cheaper than {@code charAt}
   * where the JIT does not inline it, and every character it decides on is ASCII (another one
   * stands as {@code ?}, which none of them is).
   */
  private static final class Scan {
    private final String text;
    private final byte[] b;
    int[] lineStarts = new int[64];
    int lineCount;
    boolean carriageReturn;
    int resourcesLine = -1;
    int resourcesNext = -1;
    int[] starts = new int[16];
    String[] names = new String[16];
    int count;
    int sectionEnd;
    final Map<String, String> types = new LinkedHashMap<>();

    /** Where the pass is: before Resources, in its section (indent known or not), past it. */
    private int indent = -1;

    private boolean inResources;
    private boolean pastResources;
    private String current;

    Scan(String text) {
      this.text = text;
      this.b = latin1(text);
      this.sectionEnd = text.length();
    }

    private static byte[] latin1(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      if (bytes.length == text.length()) {
        return bytes; // one byte per char (others became '?')
      }
      // Surrogate pairs became one '?' each: one byte per char, by hand.
      bytes = new byte[text.length()];
      for (int i = 0; i < bytes.length; i++) {
        char c = text.charAt(i);
        bytes[i] = c < 256 ? (byte) c : (byte) '?';
      }
      return bytes;
    }

    void run() {
      int n = b.length;
      int line = 0;
      while (true) {
        addLineStart(line);
        int i = line;
        while (i < n && b[i] == ' ') {
          i++;
        }
        if (!pastResources) {
          line(line, i);
        }
        while (i < n && b[i] != '\n') {
          if (b[i] == '\r') {
            carriageReturn = true;
          }
          i++;
        }
        if (i >= n) {
          return;
        }
        line = i + 1;
      }
    }

    private void addLineStart(int start) {
      if (lineCount == lineStarts.length) {
        lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
      }
      lineStarts[lineCount++] = start;
    }

    /** One line, whose first character that is no space is at {@code content}. */
    private void line(int start, int content) {
      if (!inResources) {
        if (content == start && isResourcesLine(start)) {
          inResources = true;
          resourcesLine = start;
        }
        return;
      }
      if (resourcesNext < 0) {
        resourcesNext = start;
      }
      if (!isContentAt(content)) {
        return; // blank or a comment
      }
      int lineIndent = content - start;
      if (indent < 0) {
        indent = lineIndent;
      }
      if (indent == 0) {
        pastResources = true; // the next section, and no resource
        return;
      }
      if (lineIndent < indent) {
        sectionEnd = start;
        pastResources = true;
        return;
      }
      if (lineIndent == indent) {
        current = name(content);
        addResource(start, current);
      } else if (current != null && startsWithType(content)) {
        String type = typeValue(content + 4);
        if (type != null) {
          String known = types.get(current);
          // A later Type is a property's (a load balancer's Type: network): it may pick a variant.
          String variant =
              known == null ? null : CloudFormationReferences.variant(known, "Type", type);
          types.put(current, known == null ? type : variant != null ? variant : known);
        }
      }
    }

    /** Exactly {@code Resources:} at column 0, blanks after allowed. */
    private boolean isResourcesLine(int start) {
      if (start >= b.length || b[start] != 'R' || !text.startsWith(RESOURCES, start)) {
        return false;
      }
      int i = start + RESOURCES.length();
      while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        if (!Character.isWhitespace(text.charAt(i))) {
          return false;
        }
        i++;
      }
      return true;
    }

    private void addResource(int start, String name) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        names = Arrays.copyOf(names, count * 2);
      }
      starts[count] = start;
      names[count] = name;
      count++;
    }

    /** Not past the text, and no line end or comment: the first character that is no space. */
    private boolean isContentAt(int i) {
      return i < b.length && b[i] != '\n' && b[i] != '\r' && b[i] != '#';
    }

    private boolean startsWithType(int i) {
      return i + 4 <= b.length
          && b[i] == 'T'
          && b[i + 1] == 'y'
          && b[i + 2] == 'p'
          && b[i + 3] == 'e';
    }

    /** A plain logical name ({@code Name:}, nothing after but blanks), or null. */
    private String name(int from) {
      int i = from;
      while (i < b.length && isNameChar(b[i])) {
        i++;
      }
      if (i == from) {
        return null;
      }
      int nameEnd = i;
      i = skipBlanks(i);
      if (i >= b.length || b[i] != ':') {
        return null;
      }
      i = skipBlanks(i + 1);
      boolean lineEnds =
          i >= b.length
              || b[i] == '\n'
              || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] == '\n'));
      return lineEnds ? text.substring(from, nameEnd) : null;
    }

    /** The value of {@code Type: AWS::...} after the key (a quote before it allowed), or null. */
    private String typeValue(int afterKey) {
      int i = skipBlanks(afterKey);
      if (i >= b.length || b[i] != ':') {
        return null;
      }
      i = skipBlanks(i + 1);
      if (i < b.length && (b[i] == '"' || b[i] == '\'')) {
        i++;
      }
      int from = i;
      while (i < b.length && (isNameChar(b[i]) || b[i] == ':')) {
        i++;
      }
      return i > from ? text.substring(from, i) : null;
    }

    private int skipBlanks(int i) {
      while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      return i;
    }

    private static boolean isNameChar(byte c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
  }
}
