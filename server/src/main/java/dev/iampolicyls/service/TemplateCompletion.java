package dev.iampolicyls.service;

import dev.iampolicyls.completion.CompletionEngine;
import dev.iampolicyls.completion.CompletionItem;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.completion.CursorContext;
import dev.iampolicyls.completion.HostSyntax;
import dev.iampolicyls.completion.TemplateCursor;
import dev.iampolicyls.completion.TemplateReference;
import dev.iampolicyls.embedded.EmbeddedPolicy;
import dev.iampolicyls.embedded.HostDocument;
import dev.iampolicyls.embedded.TemplateLayout;
import dev.iampolicyls.embedded.YamlCursor;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import dev.iampolicyls.syntax.SyntaxTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Completion inside a template. In JSON (a JSON template, or a policy written as JSON in a YAML
 * block scalar) the policy's own characters are JSON: everything around them is blanked, offsets
 * kept, and the policy completes as a standalone one would. In YAML the cursor's place comes from
 * the text around it ({@link YamlCursor}), the policy and its statement from the template read with
 * the word being typed blanked (a half-typed line is seldom YAML), and proposals are written in
 * YAML. In both, only the resource around the cursor is read ({@link TemplateLayout#excerptAt}),
 * the whole template only where the cursor is in no resource.
 */
final class TemplateCompletion {
  private final CompletionEngine engine;
  private final Function<String, Optional<HostDocument>> reader;
  private final Function<TemplateLayout, List<TemplateReference>> references;

  /**
   * @param reader reads a whole text as a template, or empty when it is none
   * @param references the resources of a template whose references give ARNs
   */
  TemplateCompletion(
      CompletionEngine engine,
      Function<String, Optional<HostDocument>> reader,
      Function<TemplateLayout, List<TemplateReference>> references) {
    this.engine = engine;
    this.reader = reader;
    this.references = references;
  }

  /**
   * The proposals, or empty when the text is no template.
   *
   * @param layout the layout of {@code text}, made once per version of it
   */
  Optional<CompletionResult> complete(
      TemplateLayout layout, int offset, CompletionOptions options, CancelChecker cancel) {
    String text = layout.text();
    if (!layout.json() && !layout.looksLikeTemplate()) {
      return Optional.empty();
    }
    Supplier<List<TemplateReference>> refs = () -> references.apply(layout);
    // Only the resource being edited is read, as a text of its own: the others cannot change what
    // is proposed here. Its offsets are the template's less the excerpt's shift.
    TemplateLayout.Excerpt excerpt =
        text.length() <= PolicyLanguageService.MAX_DOCUMENT_CHARS
            ? layout.excerptAt(offset)
            : null; // not read at all, as the whole text would not be
    if (layout.json()) {
      Optional<HostDocument> read =
          excerpt == null ? Optional.empty() : excerpt.read(excerpt.text());
      if (read.isEmpty()) {
        read = reader.apply(text); // no resource here, or one that alone is no template
      }
      if (read.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          read.get().policies().stream()
              .filter(p -> contains(p, offset))
              .findFirst()
              .map(p -> inJson(text, p, offset, refs, options, cancel))
              .orElse(CompletionResult.EMPTY));
    }
    String around = excerpt != null ? excerpt.text() : text;
    int shift = excerpt != null ? excerpt.shift() : 0;
    Function<String, Optional<HostDocument>> read = excerpt != null ? excerpt::read : reader;
    int at = offset - shift;
    // A half-typed line is seldom YAML: the template is read without the word being typed (never
    // what the proposals depend on), then as it is, then without the cursor's line.
    YamlCursor near = YamlCursor.find(around, at);
    // Each reading is made only when the one before it fails: most requests need the first.
    List<Supplier<String>> readings = new ArrayList<>();
    if (near != null) {
      readings.add(() -> blank(around, near.replaceStart(), near.replaceEnd()));
    }
    readings.add(() -> around);
    readings.add(() -> blankLine(around, at));
    if (near != null && near.place() == YamlCursor.Place.KEY && !near.flow()) {
      // A policy with nothing in it yet is no policy: an empty map where its first key goes.
      readings.add(
          () ->
              around.substring(0, near.replaceStart())
                  + "{}"
                  + around.substring(near.replaceEnd()));
    }
    YamlCursor cursor = near == null ? null : near.shifted(shift);
    for (Supplier<String> reading : readings) {
      HostDocument document = read.apply(reading.get()).orElse(null);
      if (document == null) {
        continue;
      }
      for (EmbeddedPolicy p : document.policies()) {
        if (contains(p, offset) && isBlockScalar(text, p)) {
          return Optional.of(inJson(text, p, offset, refs, options, cancel));
        }
      }
      EmbeddedPolicy policy = cursor == null ? null : enclosing(document, cursor.path());
      if (policy != null) {
        return Optional.of(inYaml(text, policy, cursor, offset, refs, options, cancel));
      }
    }
    return Optional.of(CompletionResult.EMPTY);
  }

  /**
   * Whether the offset is in the policy's text, and that text is a policy document: a statement or
   * a Lambda permission's properties that a service makes a document of take none of its keys.
   */
  private static boolean contains(EmbeddedPolicy p, int offset) {
    return !p.synthesized() && p.offset() <= offset && offset <= p.offset() + p.length();
  }

  /** A policy written as JSON text in a YAML block scalar ({@code PolicyDocument: |}). */
  private static boolean isBlockScalar(String text, EmbeddedPolicy p) {
    char c = p.offset() < text.length() ? text.charAt(p.offset()) : ' ';
    return c == '|' || c == '>';
  }

  private CompletionResult inJson(
      String text,
      EmbeddedPolicy p,
      int offset,
      Supplier<List<TemplateReference>> references,
      CompletionOptions options,
      CancelChecker cancel) {
    int start = p.offset();
    if (isBlockScalar(text, p)) {
      start = text.indexOf('\n', start) + 1; // past the block scalar's header
    }
    int end = Math.max(start, Math.min(p.offset() + p.length(), text.length()));
    // Only the policy's own characters are read; its tree keeps the template's offsets.
    Policy policy = Policy.of(JsonDocument.parse(text, start, end));
    CursorContext ctx = CursorContext.find(policy.document(), offset).orElse(null);
    if (ctx == null) {
      return CompletionResult.EMPTY;
    }
    List<TemplateReference> refs = inResource(ctx.path()) ? references.get() : List.of();
    return engine.complete(
        policy,
        new TemplateCursor(text, ctx, ctx.path(), null, HostSyntax.JSON, refs),
        p.policyType(),
        options,
        cancel);
  }

  private CompletionResult inYaml(
      String text,
      EmbeddedPolicy policy,
      YamlCursor cursor,
      int offset,
      Supplier<List<TemplateReference>> references,
      CompletionOptions options,
      CancelChecker cancel) {
    List<Object> inner =
        withoutBranches(cursor.path().subList(policy.path().size(), cursor.path().size()));
    if (inner.isEmpty() && cursor.place() != YamlCursor.Place.KEY) {
      return CompletionResult.EMPTY; // the policy itself is a value: a string or a function
    }
    Policy reading = readingAt(policy, inner, offset);
    HostSyntax syntax =
        new HostSyntax(
            cursor.flow() ? HostSyntax.Style.YAML_FLOW : HostSyntax.Style.YAML_BLOCK,
            cursor.quote(),
            cursor.keyHasColon(),
            cursor.column(),
            cursor.spaceBefore(),
            cursor.tag() != null);
    List<TemplateReference> refs = inResource(inner) ? references.get() : List.of();
    if (cursor.place() == YamlCursor.Place.ITEM && inner.equals(List.of("Statement"))) {
      // "- " in Statement starts a statement: its keys, and the whole statement.
      int index =
          reading.root().flatMap(r -> r.get("Statement")).orElse(null) instanceof ArrayNode a
              ? countItemsBefore(a, offset)
              : 0;
      // The keys sit where the cursor is, right of the dash.
      int keyColumn = cursor.replaceStart() - (text.lastIndexOf('\n', offset - 1) + 1);
      HostSyntax keySyntax =
          new HostSyntax(
              syntax.style(),
              syntax.quote(),
              false,
              keyColumn,
              syntax.spaceBefore(),
              syntax.tagged());
      CompletionResult keys =
          at(
              text,
              reading,
              cursor,
              YamlCursor.Place.KEY,
              List.of("Statement", index),
              keySyntax,
              refs,
              policy,
              options,
              cancel);
      CompletionResult skeleton =
          at(
              text,
              reading,
              cursor,
              YamlCursor.Place.ITEM,
              inner,
              syntax,
              refs,
              policy,
              options,
              cancel);
      List<CompletionItem> items = new ArrayList<>(keys.items());
      items.addAll(skeleton.items());
      return new CompletionResult(items, keys.incomplete() || skeleton.incomplete());
    }
    return at(text, reading, cursor, cursor.place(), inner, syntax, refs, policy, options, cancel);
  }

  private CompletionResult at(
      String text,
      Policy reading,
      YamlCursor cursor,
      YamlCursor.Place place,
      List<Object> inner,
      HostSyntax syntax,
      List<TemplateReference> refs,
      EmbeddedPolicy policy,
      CompletionOptions options,
      CancelChecker cancel) {
    CursorContext ctx = context(reading, cursor, place, inner);
    return engine.complete(
        reading,
        new TemplateCursor(text, ctx, inner, statement(reading, inner), syntax, refs),
        policy.policyType(),
        options,
        cancel);
  }

  /** The place as completion knows it, with the reading's nodes where it has them. */
  private static CursorContext context(
      Policy reading, YamlCursor cursor, YamlCursor.Place place, List<Object> inner) {
    JsonNode root = reading.document().root();
    int offset = cursor.replaceStart() + cursor.prefix().length() + (cursor.quote() != 0 ? 1 : 0);
    JsonNode atCursor = reading.document().nodeAt(offset);
    StringNode string =
        atCursor instanceof StringNode s && s.offset() == cursor.replaceStart() ? s : null;
    CursorContext.Position position =
        switch (place) {
          case KEY -> CursorContext.Position.KEY;
          case VALUE -> CursorContext.Position.VALUE;
          case ITEM -> CursorContext.Position.ITEM;
        };
    List<Object> objectPath = place == YamlCursor.Place.VALUE ? parent(inner) : inner;
    ObjectNode object =
        nodeAt(root, objectPath) instanceof ObjectNode o
            ? o
            : SyntaxTrees.object(cursor.replaceStart(), 0);
    PropertyNode property = null;
    for (PropertyNode p : object.properties()) {
      boolean editedKey = place == YamlCursor.Place.KEY && p.key() == string;
      boolean valued =
          place == YamlCursor.Place.VALUE && p.name().equals(inner.get(inner.size() - 1));
      if (editedKey || valued) {
        property = p;
      }
    }
    ArrayNode array =
        place == YamlCursor.Place.ITEM && nodeAt(root, inner) instanceof ArrayNode a ? a : null;
    return new CursorContext(
        position,
        object,
        property,
        array,
        string,
        offset,
        cursor.replaceStart(),
        cursor.replaceEnd(),
        cursor.prefix(),
        -1,
        false);
  }

  /**
   * The path as the policy's trees have it: an {@code Fn::If} and its branch number are not in
   * them, each reading holds the branch it takes.
   */
  private static List<Object> withoutBranches(List<Object> path) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      if ("Fn::If".equals(path.get(i))
          && i + 1 < path.size()
          && path.get(i + 1) instanceof Integer) {
        i++;
      } else {
        out.add(path.get(i));
      }
    }
    return out;
  }

  /**
   * The reading that holds the cursor's place: the first whose node there (or whose statement)
   * spans the cursor, as in a branch of an {@code Fn::If} only some readings take; else the first.
   */
  private static Policy readingAt(EmbeddedPolicy policy, List<Object> inner, int offset) {
    List<Object> statementPath = inner.size() >= 2 ? inner.subList(0, 2) : inner;
    for (Policy reading : policy.readings()) {
      JsonNode node = nodeAt(reading.document().root(), statementPath);
      if (node != null && node.offset() <= offset && offset <= node.end()) {
        return reading;
      }
    }
    return policy.readings().get(0);
  }

  /** The statement a path inside the policy is in: {@code [Statement, 2, ...]}, or the only one. */
  private static Statement statement(Policy reading, List<Object> inner) {
    if (inner.isEmpty() || !"Statement".equals(inner.get(0))) {
      return null;
    }
    for (Statement s : reading.statements()) {
      if (s.index() < 0 || (inner.size() > 1 && inner.get(1).equals(s.index()))) {
        return s;
      }
    }
    return null;
  }

  /** Whether the template's resources may be proposed: in a Resource or an AWS principal. */
  private static boolean inResource(List<Object> path) {
    return path.contains("Resource")
        || path.contains("NotResource")
        || (path.contains("AWS") && (path.contains("Principal") || path.contains("NotPrincipal")));
  }

  /**
   * The policy document the path is in: the one whose place is the longest start of the path, none
   * a service makes of what the template writes there.
   */
  private static EmbeddedPolicy enclosing(HostDocument document, List<Object> path) {
    EmbeddedPolicy best = null;
    for (EmbeddedPolicy p : document.policies()) {
      List<Object> place = p.path();
      if (!p.synthesized()
          && place.size() <= path.size()
          && path.subList(0, place.size()).equals(place)
          && (best == null || place.size() > best.path().size())) {
        best = p;
      }
    }
    return best;
  }

  private static String blank(String text, int start, int end) {
    return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
  }

  private static String blankLine(String text, int offset) {
    int start = text.lastIndexOf('\n', offset - 1) + 1;
    int end = offset;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return blank(text, start, end);
  }

  private static int countItemsBefore(ArrayNode array, int offset) {
    int n = 0;
    for (JsonNode item : array.items()) {
      if (item.offset() < offset) {
        n++;
      }
    }
    return n;
  }

  private static List<Object> parent(List<Object> path) {
    return path.isEmpty() ? path : path.subList(0, path.size() - 1);
  }

  /**
   * The node at a JSON path: keys into objects, indexes into arrays (a single object is item 0).
   */
  private static JsonNode nodeAt(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object part : path) {
      if (node instanceof ObjectNode o && part instanceof String key) {
        node = o.get(key).orElse(null);
      } else if (node instanceof ArrayNode a && part instanceof Integer i) {
        node = i < a.items().size() ? a.items().get(i) : null;
      } else if (!(node instanceof ObjectNode && part instanceof Integer i && i == 0)) {
        return null;
      }
    }
    return node;
  }
}
