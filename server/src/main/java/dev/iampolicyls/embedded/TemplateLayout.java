package dev.iampolicyls.embedded;

import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.LineIndex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the resources of one version of a template's text are, read once without parsing it: the
 * line starts, and for each top-level resource its span, logical name and (YAML) {@code Type}. A
 * request at an offset finds its resource by binary search and reads only that resource ({@link
 * #excerptAt}), so its cost does not grow with the rest of the template. Made once per version (the
 * language server keeps it with the document's snapshot); immutable, and safe to share between
 * threads.
 *
 * <p>One model for both host formats, each found by its own pass over the text's Latin-1 bytes: a
 * YAML template's resources are its lines indented as the first one under {@code Resources:}, up to
 * the first line indented less (blank and comment lines take no part; {@link Scan}); a JSON
 * template's are the members of its top-level {@code "Resources"} object whose value is an object,
 * each from its key's quote to its closing brace ({@link JsonScan}); a JSON template's resource
 * types come from a parse, made once.
 */
public final class TemplateLayout {
  private static final String RESOURCES = "Resources:";

  /**
   * A resource: its characters {@code [start, end)} (a YAML resource's blank and comment lines
   * after it included), its logical name (null when it is not a plain name) and its type (null when
   * none is written yet).
   */
  public record Resource(int start, int end, String name, String type) {}

  private final String text;
  private final boolean json;

  /** The start of each line, split at LF only (a CR before it belongs to the line). */
  private final int[] lineStarts;

  private final boolean hasCarriageReturn;

  /** Each resource's first character, in order, where it ends, and its name (null if not plain). */
  private final int[] resourceStarts;

  private final int[] resourceEnds;
  private final String[] resourceNames;

  /**
   * What an excerpt puts before the resource, so that it reads as a template: YAML's {@code
   * Resources:} line, JSON's {@code {"Resources": {} (the root's brace, the key and its brace), with
   * the template offset of each of its characters; and what it puts after (JSON's closing braces).
   */
  private final String excerptHeader;

  private final int[] excerptHeaderOffsets;
  private final String excerptTrailer;

  /** Logical name to type (or the references table's variant of it), in document order. */
  private final Map<String, String> yamlTypes;

  private volatile Map<String, String> jsonTypes;
  private volatile Boolean looksLikeTemplate;
  private volatile LineIndex lines;

  private TemplateLayout(String text) {
    this.text = text;
    this.json = CloudFormationFormat.startsAsJson(text);
    byte[] bytes = latin1(text);
    if (json) {
      JsonScan scan = new JsonScan(bytes);
      scan.run();
      lineStarts = Arrays.copyOf(scan.lineStarts, scan.lineCount);
      hasCarriageReturn = scan.carriageReturn;
      int count = scan.complete() ? scan.count : 0;
      resourceStarts = Arrays.copyOf(scan.starts, count);
      resourceEnds = Arrays.copyOf(scan.ends, count);
      resourceNames = new String[count];
      for (int k = 0; k < count; k++) {
        resourceNames[k] = scan.name(text, k);
      }
      if (count > 0) {
        int key = scan.resourcesKey;
        excerptHeader = "{" + text.substring(key, scan.resourcesOpen + 1);
        excerptHeaderOffsets = new int[excerptHeader.length()];
        excerptHeaderOffsets[0] = scan.rootOpen;
        for (int i = 1; i < excerptHeaderOffsets.length; i++) {
          excerptHeaderOffsets[i] = key + i - 1;
        }
      } else {
        excerptHeader = "";
        excerptHeaderOffsets = new int[0];
      }
      excerptTrailer = "}}";
      yamlTypes = Map.of();
      Map<String, String> types = count > 0 ? scan.types(text) : null;
      jsonTypes = types == null ? null : Collections.unmodifiableMap(types);
      return;
    }
    Scan scan = new Scan(text, bytes);
    scan.run();
    lineStarts = Arrays.copyOf(scan.lineStarts, scan.lineCount);
    hasCarriageReturn = scan.carriageReturn;
    resourceStarts = Arrays.copyOf(scan.starts, scan.count);
    resourceEnds = new int[scan.count];
    for (int k = 0; k < scan.count; k++) {
      resourceEnds[k] = k + 1 < scan.count ? resourceStarts[k + 1] : scan.sectionEnd;
    }
    resourceNames = Arrays.copyOf(scan.names, scan.count);
    if (scan.count > 0) {
      excerptHeader = text.substring(scan.resourcesLine, scan.resourcesNext);
      excerptHeaderOffsets = new int[excerptHeader.length()];
      for (int i = 0; i < excerptHeaderOffsets.length; i++) {
        excerptHeaderOffsets[i] = scan.resourcesLine + i;
      }
    } else {
      excerptHeader = "";
      excerptHeaderOffsets = new int[0];
    }
    excerptTrailer = "";
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
      l = !hasCarriageReturn ? LineIndex.ofLineStarts(text, lineStarts) : new LineIndex(text);
      lines = l;
    }
    return l;
  }

  /**
   * The resources by logical name, with their types (or the references table's variant), in
   * document order: a YAML template's from its lines, even while one is half typed; a JSON
   * template's from its pass where that reads them as a parse would, else from a parse, made once.
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
   * The top-level resource whose characters hold {@code offset} (a JSON resource's closing brace
   * and the offset right after it included), or null where there is none (outside the Resources
   * section, between two JSON resources, or anywhere in a JSON text whose brackets or strings do
   * not close).
   */
  public Resource resourceAt(int offset) {
    int k = resourceIndexAt(offset);
    if (k < 0) {
      return null;
    }
    String name = resourceNames[k];
    return new Resource(
        resourceStarts[k], resourceEnds[k], name, name == null ? null : resourceTypes().get(name));
  }

  private int resourceIndexAt(int offset) {
    if (resourceStarts.length == 0 || offset < resourceStarts[0]) {
      return -1;
    }
    int k = Arrays.binarySearch(resourceStarts, offset);
    k = k >= 0 ? k : -k - 2;
    int end = resourceEnds[k];
    return offset < end || (offset == end && (json || end == text.length())) ? k : -1;
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
    int end = resourceEnds[k];
    return new Excerpt(
        this, start, end, excerptHeader + text.substring(start, end) + excerptTrailer);
  }

  /**
   * One resource of a template as a text of its own: what makes it a template's resource (YAML's
   * {@code Resources:} line; JSON's root brace, {@code "Resources": {} and closing braces), and the
   * resource's characters. Reading it (or a YAML variant of it with the same first line, say with
   * the word being typed blanked) gives what reading the whole template with every other line
   * blanked would, at the template's offsets, for a cost that grows only with the resource.
   */
  public static final class Excerpt {
    private final TemplateLayout layout;
    private final int start;
    private final int end;
    private final String text;

    private Excerpt(TemplateLayout layout, int start, int end, String text) {
      this.layout = layout;
      this.start = start;
      this.end = end;
      this.text = text;
    }

    /** The header, the resource's characters and the trailer. */
    public String text() {
      return text;
    }

    /** What to add to an offset of the excerpt (in the resource) for the template's. */
    public int shift() {
      return start - layout.excerptHeader.length();
    }

    /**
     * Reads a variant of {@link #text()} that keeps its header and trailer, at the template's
     * offsets, as {@link CloudFormationFormat#read} reads the template with every other line
     * blanked; empty when the variant is no template (or, in YAML, no YAML). The documents' text is
     * the template's.
     */
    public Optional<HostDocument> read(String variant) {
      int[] headerOffsets = layout.excerptHeaderOffsets;
      int[] hostOffsets = new int[variant.length() + 1];
      System.arraycopy(headerOffsets, 0, hostOffsets, 0, headerOffsets.length);
      int shift = shift();
      int trailerFrom = variant.length() - layout.excerptTrailer.length();
      for (int i = headerOffsets.length; i <= variant.length(); i++) {
        hostOffsets[i] = i < trailerFrom ? shift + i : end; // the trailer stands at the end
      }
      BlankRuns.Squeezed squeezed = new BlankRuns.Squeezed(variant, hostOffsets);
      return layout.json
          ? CloudFormationFormat.readJsonExcerpt(layout.text, squeezed)
          : CloudFormationFormat.readBlanked(layout.text, squeezed);
    }
  }

  /**
   * The characters of a text as Latin-1 bytes, one per char (a copy of the string's own array for
   * most texts): the passes read an array, cheaper than {@code charAt} where the JIT does not
   * inline it, and every character they decide on is ASCII (another one stands as {@code ?}, which
   * none of them is).
   */
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

  /** The line starts of a pass, and whether a CR was seen; shared by both formats' passes. */
  private abstract static class Lines {
    int[] lineStarts = new int[64];
    int lineCount;
    boolean carriageReturn;

    final void addLineStart(int start) {
      if (lineCount == lineStarts.length) {
        lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
      }
      lineStarts[lineCount++] = start;
    }
  }

  /**
   * The one pass over a JSON text: every line start, whether it has a CR, the root's brace, the
   * top-level {@code "Resources"} key and its object, and each member of that object whose value is
   * an object or array (its key's quote to the value's closing bracket). Strings are skipped with
   * their escapes; a string that runs into a line end or the text's end (one being typed), a
   * bracket closing nothing or one of the other kind, or a Resources object that does not close
   * leaves the pass incomplete, and the text is read whole, as before there was a layout (the
   * parse's recovery, not this pass, decides what such a text holds).
   */
  private static final class JsonScan extends Lines {
    private static final byte[] RESOURCES_KEY = "\"Resources\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE_KEY = "\"Type\"".getBytes(StandardCharsets.US_ASCII);
    private static final int NO_TYPE = -1;
    private static final int UNSURE = -2;
    private final byte[] b;
    int rootOpen = -1;
    int resourcesKey = -1;
    int resourcesOpen = -1;
    private int resourcesClose = -1;
    private boolean broken;
    int[] starts = new int[16];
    int[] ends = new int[16];
    private int[] nameEnds = new int[16];
    private int[] opens = new int[16];
    private int[] types = new int[16];
    private int memberOpen = -1;
    private int memberType = -1;
    int count;

    JsonScan(byte[] b) {
      this.b = b;
    }

    /** Whether the pass saw the Resources object close, with every string and bracket before. */
    boolean complete() {
      return !broken && resourcesClose >= 0;
    }

    /** The k-th resource's key, when it has no escape in it; else null. */
    String name(String text, int k) {
      String name = text.substring(starts[k] + 1, nameEnds[k]);
      return name.indexOf('\\') >= 0 ? null : name;
    }

    void run() {
      int n = b.length;
      addLineStart(0);
      int depth = 0;
      byte[] open = new byte[16]; // the open brackets, innermost last
      int lastKey = -1; // the last string's quote at depth 1, or at depth 2 in Resources
      int lastKeyEnd = -1;
      int member = -1; // the key's quote of the Resources member being read
      int memberNameEnd = -1;
      for (int i = 0; i < n; i++) {
        byte c = b[i];
        switch (c) {
          case '\n' -> addLineStart(i + 1);
          case '\r' -> carriageReturn = true;
          case '"' -> {
            int close = stringEnd(i);
            if (close < 0) {
              broken = true;
              return;
            }
            if (depth == 1 || (depth == 2 && inResources())) {
              lastKey = i;
              lastKeyEnd = close;
            } else if (depth == 3
                && member >= 0
                && memberType == NO_TYPE
                && isKey(i, close, TYPE_KEY)) {
              memberType = typeValue(close + 1);
            }
            i = close; // the closing quote
          }
          case '{', '[' -> {
            if (depth == open.length) {
              open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = c;
            if (depth == 1 && rootOpen < 0 && c == '{') {
              rootOpen = i;
            } else if (depth == 2
                && c == '{'
                && resourcesOpen < 0
                && lastKey >= 0
                && isKey(lastKey, lastKeyEnd, RESOURCES_KEY)
                && onlyColonBetween(lastKeyEnd + 1, i)) {
              resourcesKey = lastKey;
              resourcesOpen = i;
            } else if (depth == 3
                && inResources()
                && lastKey >= 0
                && onlyColonBetween(lastKeyEnd + 1, i)) {
              member = lastKey;
              memberNameEnd = lastKeyEnd;
              memberOpen = i;
              memberType = NO_TYPE;
            }
            if (depth <= 2) {
              lastKey = -1;
            }
          }
          case '}', ']' -> {
            if (depth == 0 || open[--depth] != (c == '}' ? '{' : '[')) {
              broken = true; // a bracket closing nothing, or another kind: a parse recovers there
              return;
            }
            if (depth == 2 && inResources() && member >= 0) {
              if (c == '}') {
                add(member, i + 1, memberNameEnd, memberOpen, memberType);
              }
              member = -1;
            } else if (depth == 1 && inResources()) {
              resourcesClose = i;
            }
            lastKey = -1;
          }
          case ',' -> {
            if (depth <= 2) {
              lastKey = -1;
            }
          }
          default -> {}
        }
      }
    }

    private boolean inResources() {
      return resourcesOpen >= 0 && resourcesClose < 0;
    }

    /** The closing quote of the string whose opening quote is at {@code open}, or -1. */
    private int stringEnd(int open) {
      for (int i = open + 1; i < b.length; i++) {
        byte c = b[i];
        if (c == '"') {
          return i;
        }
        if (c == '\\') {
          i++;
        } else if (c == '\n' || c == '\r') {
          return -1;
        }
      }
      return -1;
    }

    private boolean isKey(int open, int close, byte[] key) {
      if (close - open + 1 != key.length) {
        return false;
      }
      for (int i = 0; i < key.length; i++) {
        if (b[open + i] != key[i]) {
          return false;
        }
      }
      return true;
    }

    /** Whether {@code [from, to)} is blanks around one colon: a key's and its value's. */
    private boolean onlyColonBetween(int from, int to) {
      int colons = 0;
      for (int i = from; i < to; i++) {
        byte c = b[i];
        if (c == ':') {
          colons++;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return false;
        }
      }
      return colons == 1;
    }

    private void add(int start, int end, int nameEnd, int open, int type) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
        nameEnds = Arrays.copyOf(nameEnds, count * 2);
        opens = Arrays.copyOf(opens, count * 2);
        types = Arrays.copyOf(types, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      nameEnds[count] = nameEnd;
      opens[count] = open;
      types[count] = type;
      count++;
    }

    /**
     * After the key {@code "Type"}: the opening quote of its string value; {@link #NO_TYPE} when
     * the string is not a key (no colon after it); {@link #UNSURE} when its value is something else
     * (a number, an object), which only a parse reads as a parse would.
     */
    private int typeValue(int afterKey) {
      int i = skipBlanks(afterKey);
      if (i >= b.length || b[i] != ':') {
        return NO_TYPE;
      }
      i = skipBlanks(i + 1);
      return i < b.length && b[i] == '"' ? i : UNSURE;
    }

    private int skipBlanks(int i) {
      while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
        i++;
      }
      return i;
    }

    /**
     * The resource types, as a parse reads them ({@link TemplateResources}): each resource's first
     * {@code Type} string, or the table's variant of it that a property picks (read by parsing that
     * resource alone); null when a name, a type or a Type's value is one only a parse of the whole
     * text reads alike (an escape in it, a value that is no string).
     */
    Map<String, String> types(String text) {
      Map<String, String> out = new LinkedHashMap<>();
      for (int k = 0; k < count; k++) {
        String name = name(text, k);
        int quote = types[k];
        if (name == null || quote == UNSURE) {
          return null;
        }
        if (quote < 0) {
          continue; // no Type written yet
        }
        String type = text.substring(quote + 1, stringEnd(quote));
        if (type.indexOf('\\') >= 0) {
          return null;
        }
        if (CloudFormationReferences.variesByProperty(type)) {
          HostValue resource =
              JsonFrontEnd.read(JsonDocument.parse(text.substring(opens[k], ends[k])));
          HostValue.Mapping properties =
              resource instanceof HostValue.Mapping r
                      && r.get("Properties").orElse(null) instanceof HostValue.Mapping m
                  ? m
                  : null;
          type = CloudFormationReferences.tableType(type, properties);
        }
        out.put(name, type);
      }
      return out;
    }
  }

  /**
   * The one pass over a YAML text: every line start, whether it has a CR, the {@code Resources:}
   * line, then each resource's line, name and type.
   */
  private static final class Scan extends Lines {
    private final String text;
    private final byte[] b;
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

    Scan(String text, byte[] b) {
      this.text = text;
      this.b = b;
      this.sectionEnd = text.length();
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
