package dev.iampolicyls.completion;

import dev.iampolicyls.codeactions.TextEdit;
import dev.iampolicyls.service.CancelChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the proposals for one cursor context and turns each into its edit. Every edit starts
 * where the editor's typed text starts (the opening quote of the string under the cursor), so the
 * editor filters on the same text we do, and ':' or '*' inside a string cannot cut its word short.
 */
final class Proposals {
  private final CursorContext ctx;
  private final String text;
  private final CompletionOptions options;
  private final CancelChecker cancel;
  private final HostSyntax syntax;
  private final List<CompletionItem> items = new ArrayList<>();
  private boolean incomplete;

  Proposals(CursorContext ctx, String text, CompletionOptions options) {
    this(ctx, text, options, CancelChecker.NEVER);
  }

  Proposals(CursorContext ctx, String text, CompletionOptions options, CancelChecker cancel) {
    this(ctx, text, options, cancel, HostSyntax.JSON);
  }

  Proposals(
      CursorContext ctx,
      String text,
      CompletionOptions options,
      CancelChecker cancel,
      HostSyntax syntax) {
    this.ctx = ctx;
    this.text = text;
    this.options = options;
    this.cancel = cancel;
    this.syntax = syntax;
  }

  HostSyntax syntax() {
    return syntax;
  }

  /**
   * Throws {@link java.util.concurrent.CancellationException} when the request is no longer wanted:
   * providers ask between services, so a list over the whole catalog stops early.
   */
  void checkCanceled() {
    cancel.checkCanceled();
  }

  CursorContext context() {
    return ctx;
  }

  /** What is typed so far, without the opening quote. */
  String prefix() {
    return ctx.prefix();
  }

  /** Whether the candidate starts with what is typed, ignoring case. */
  boolean startsWithTyped(String candidate) {
    return startsWithIgnoringCase(candidate, ctx.prefix());
  }

  static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  static boolean containsIgnoringCase(String text, String part) {
    return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  /** The editor must ask again as typing goes on: we filtered in a way it cannot repeat. */
  void markIncomplete() {
    incomplete = true;
  }

  CompletionResult result() {
    return new CompletionResult(items, incomplete);
  }

  int size() {
    return items.size();
  }

  /**
   * A string value replacing the string under the cursor (or inserted where none is yet).
   *
   * @param prefixMatch whether the value starts with the typed text; when not, the editor would
   *     drop it, so its filter text is the typed text itself and the list is marked incomplete
   */
  void value(
      String label,
      CompletionKind kind,
      String detail,
      String documentation,
      String sortText,
      Snippet content,
      boolean prefixMatch) {
    if (syntax.yaml()) {
      String filter = prefixMatch ? typedQuote() + content.plain() : typedText();
      if (!prefixMatch) {
        incomplete = true;
      }
      Snippet full = Snippet.of(syntax.spaceBefore() ? " " : "").append(yamlScalar(content));
      add(label, kind, detail, documentation, sortText, filter, ctx.replaceStart(), full);
      return;
    }
    Snippet full = Snippet.of("\"").append(content).text("\"");
    if (ctx.commaAfter()) {
      full.text(",");
    }
    String filter = prefixMatch ? quote() + content.plain() : typedText();
    if (!prefixMatch) {
      incomplete = true;
    }
    add(label, kind, detail, documentation, sortText, filter, ctx.replaceStart(), full);
  }

  /** A property name; where the property is new, also ": " and an empty value of its shape. */
  void key(
      String name,
      CompletionKind kind,
      String detail,
      String documentation,
      String sortText,
      Snippet valueShape) {
    key(name, Snippet.of(name), true, kind, detail, documentation, sortText, valueShape);
  }

  /**
   * A property name with tab stops of its own (a templated condition key).
   *
   * @param prefixMatch as for {@link #value}
   */
  void key(
      String label,
      Snippet name,
      boolean prefixMatch,
      CompletionKind kind,
      String detail,
      String documentation,
      String sortText,
      Snippet valueShape) {
    if (syntax.yaml()) {
      Snippet full = Snippet.of(syntax.spaceBefore() ? " " : "").append(yamlScalar(name));
      if (!syntax.keyHasColon()) {
        full.text(":").append(yamlShape(valueShape));
      }
      String filter = prefixMatch ? typedQuote() + name.plain() : typedText();
      if (!prefixMatch) {
        incomplete = true;
      }
      add(label, kind, detail, documentation, sortText, filter, ctx.replaceStart(), full);
      return;
    }
    Snippet full = Snippet.of("\"").append(name).text("\"");
    if (ctx.newKey()) {
      full.text(": ").append(valueShape);
      if (ctx.commaAfter()) {
        full.text(",");
      }
    }
    String filter = prefixMatch ? quote() + name.plain() : typedText();
    if (!prefixMatch) {
      incomplete = true;
    }
    add(label, kind, detail, documentation, sortText, filter, ctx.replaceStart(), full);
  }

  /**
   * A whole JSON value (an object with blanks), inserted as written where the cursor is. The
   * editor's filter is given the typed text itself: a bare word or quote typed where a statement
   * goes is no prefix of an object.
   */
  void raw(
      String label, CompletionKind kind, String detail, String documentation, Snippet content) {
    Snippet full = Snippet.of(syntax.yaml() && syntax.spaceBefore() ? " " : "").append(content);
    if (ctx.commaAfter() && !syntax.yaml()) {
      full.text(",");
    }
    add(label, kind, detail, documentation, sort(0, 0), typedText(), ctx.replaceStart(), full);
  }

  /**
   * The start of a value the user goes on typing, such as a service prefix {@code s3:}. Without
   * snippets the string's closing quote is kept after the inserted text, so the cursor stays inside
   * the string; with snippets the cursor is put there.
   */
  void partial(
      String label, CompletionKind kind, String detail, String documentation, String sortText) {
    if (syntax.yaml()) {
      // A service prefix of an action already written replaces that action's prefix only.
      int end = ctx.replaceEnd();
      int colon = text.indexOf(':', ctx.offset());
      boolean rest = colon >= 0 && colon < end;
      if (rest) {
        end = colon + 1;
      } else if (syntax.quote() != 0
          && end - 1 > ctx.replaceStart()
          && text.charAt(end - 1) == syntax.quote()) {
        end--; // in a quoted scalar the closing quote stays after the inserted text
      }
      String open = (syntax.spaceBefore() ? " " : "") + typedQuote() + label;
      if (!rest && syntax.quote() == 0 && ctx.position() == CursorContext.Position.VALUE) {
        // "Action: s3:" is no YAML (a map's value cannot be a map on its line): quoted, with
        // the cursor inside where snippets allow; else written as typed, as the user goes on.
        if (options.snippetSupport()) {
          value(label, kind, detail, documentation, sortText, Snippet.of(label).end(), true);
          return;
        }
      }
      items.add(
          item(
              label,
              kind,
              detail,
              documentation,
              sortText,
              typedQuote() + label,
              ctx.replaceStart(),
              end,
              Snippet.of(open)));
      return;
    }
    if (!options.snippetSupport() && ctx.string() != null) {
      Snippet open = Snippet.of("\"" + label);
      String filter = quote() + label;
      int end = ctx.stringClosed() ? ctx.string().contentEnd() : ctx.replaceEnd();
      items.add(
          item(
              label, kind, detail, documentation, sortText, filter, ctx.replaceStart(), end, open));
      return;
    }
    value(label, kind, detail, documentation, sortText, Snippet.of(label).end(), true);
  }

  private void add(
      String label,
      CompletionKind kind,
      String detail,
      String documentation,
      String sortText,
      String filter,
      int start,
      Snippet newText) {
    items.add(
        item(
            label,
            kind,
            detail,
            documentation,
            sortText,
            filter,
            start,
            ctx.replaceEnd(),
            newText));
  }

  private CompletionItem item(
      String label,
      CompletionKind kind,
      String detail,
      String documentation,
      String sortText,
      String filter,
      int start,
      int end,
      Snippet newText) {
    boolean snippet = options.snippetSupport() && newText.hasStops();
    String inserted = snippet ? newText.snippet() : newText.plain();
    List<TextEdit> extra =
        ctx.commaBefore() >= 0 ? List.of(new TextEdit(ctx.commaBefore(), 0, ",")) : List.of();
    return new CompletionItem(
        label,
        kind,
        detail,
        documentation,
        sortText,
        filter,
        new TextEdit(start, end - start, inserted),
        snippet,
        extra);
  }

  /**
   * A template expression ({@code !GetAtt Bucket.Arn}, {@code {"Ref": "Topic"}}) in place of the
   * value typed: never quoted, since it is no string. The editor filters it on its label.
   */
  void expression(
      String label,
      CompletionKind kind,
      String detail,
      String documentation,
      String sortText,
      Snippet yaml,
      Snippet json) {
    Snippet full;
    if (syntax.yaml()) {
      full = Snippet.of(syntax.spaceBefore() ? " " : "").append(yaml);
    } else {
      full = Snippet.of("").append(json);
      if (ctx.commaAfter()) {
        full.text(",");
      }
    }
    boolean matches = startsWithIgnoringCase(label, typedText());
    if (!matches) {
      incomplete = true;
    }
    add(
        label,
        kind,
        detail,
        documentation,
        sortText,
        matches ? label : typedText(),
        ctx.replaceStart(),
        full);
  }

  /**
   * Whether template functions fit where the cursor is: nothing is typed yet, or a tag is, and no
   * tag is already written before the value.
   */
  boolean templateFormsFit() {
    String typed = ctx.prefix();
    return !syntax.tagged() && (typed.isEmpty() || typed.startsWith("!"));
  }

  /** A resource of the template by the reference that gives its ARN. */
  void reference(TemplateReference ref, String sortText) {
    expression(
        syntax.yaml() ? ref.yaml() : ref.json(),
        CompletionKind.REFERENCE,
        ref.resourceType() + " " + ref.logicalId(),
        "The ARN of `" + ref.logicalId() + "` (" + ref.resourceType() + ") in this template.",
        sortText,
        Snippet.of(ref.yaml()),
        Snippet.of(ref.json()));
  }

  /** A {@code Fn::Sub} of the body, quoted in YAML since it holds {@code ${...}} and colons. */
  void sub(Snippet body, String detail, String sortText) {
    String plain = body.plain();
    expression(
        syntax.yaml() ? "!Sub '" + plain + "'" : "{\"Fn::Sub\": \"" + plain + "\"}",
        CompletionKind.REFERENCE,
        detail,
        null,
        sortText,
        Snippet.of("!Sub '").append(body).text("'"),
        Snippet.of("{\"Fn::Sub\": \"").append(body).text("\"}"));
  }

  /** A YAML scalar: plain where that reads back as the same string, else quoted. */
  private Snippet yamlScalar(Snippet content) {
    String plain = content.plain();
    char quote = syntax.quote();
    if (quote == 0 && HostSyntax.plainSafe(plain, syntax.flow())) {
      return Snippet.of("").append(content);
    }
    if (quote == '"') {
      return Snippet.of("\"")
          .append(content.mapText(t -> t.replace("\\", "\\\\").replace("\"", "\\\"")))
          .text("\"");
    }
    return Snippet.of("'").append(content.mapText(t -> t.replace("'", "''"))).text("'");
  }

  /**
   * A key's value shape in YAML: in block style, a map or list goes on the lines below the key;
   * flow style takes the JSON shape as it is.
   */
  private Snippet yamlShape(Snippet jsonShape) {
    if (syntax.flow()) {
      return Snippet.of(" ").append(jsonShape);
    }
    return switch (jsonShape.plain()) {
      case "{}" -> Snippet.of("\n" + syntax.childIndent()).end();
      case "[]" -> Snippet.of("\n" + syntax.childIndent() + "- ").end();
      case "\"\"" -> Snippet.of(" ").end();
      default -> Snippet.of(" ").append(jsonShape);
    };
  }

  /** The quote the YAML scalar being typed opened with, as the editor's typed text has it. */
  private String typedQuote() {
    return syntax.quote() == 0 ? "" : String.valueOf(syntax.quote());
  }

  private String quote() {
    return ctx.quoted() ? "\"" : "";
  }

  /** The text from the edit's start to the cursor: what the editor filters with. */
  private String typedText() {
    return text.substring(ctx.replaceStart(), ctx.offset());
  }

  /** A sort key: a group, then a position within it. */
  static String sort(int group, int index) {
    // Hand-padded: String.format costs more than the rest of an item (lists have hundreds).
    String g = Integer.toString(group);
    String i = Integer.toString(index);
    return "00".substring(Math.min(2, g.length()))
        + g
        + "00000".substring(Math.min(5, i.length()))
        + i;
  }
}
