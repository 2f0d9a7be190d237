package dev.iampolicyls.completion;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with optional tab stops, rendered either as plain text or in LSP snippet syntax. Built once,
 * it gives the same text both ways, so no proposal depends on the client's snippet support: plain
 * text shows each placeholder's plain form, a snippet turns it into a numbered tab stop.
 */
final class Snippet {
  private sealed interface Part permits Text, Placeholder, FinalStop {}

  private record Text(String text) implements Part {}

  /** A tab stop holding {@code name}; plain text shows {@code plain} instead. */
  private record Placeholder(String name, String plain) implements Part {}

  private record FinalStop() implements Part {}

  private final List<Part> parts = new ArrayList<>();

  static Snippet of(String text) {
    return new Snippet().text(text);
  }

  Snippet text(String text) {
    if (!text.isEmpty()) {
      parts.add(new Text(text));
    }
    return this;
  }

  /** A tab stop showing {@code name}, written as {@code plain} when snippets are off. */
  Snippet placeholder(String name, String plain) {
    parts.add(new Placeholder(name, plain));
    return this;
  }

  /** An empty tab stop, e.g. between the quotes of a new value. Nothing in plain text. */
  Snippet stop() {
    return placeholder("", "");
  }

  /** Where the cursor ends once every tab stop is filled. Nothing in plain text. */
  Snippet end() {
    parts.add(new FinalStop());
    return this;
  }

  Snippet append(Snippet other) {
    parts.addAll(other.parts);
    return this;
  }

  /** The same tab stops, with every literal part rewritten (quotes escaped for a quoted scalar). */
  Snippet mapText(java.util.function.UnaryOperator<String> f) {
    Snippet out = new Snippet();
    for (Part p : parts) {
      out.parts.add(p instanceof Text t ? new Text(f.apply(t.text())) : p);
    }
    return out;
  }

  boolean hasStops() {
    for (Part p : parts) {
      if (!(p instanceof Text)) {
        return true;
      }
    }
    return false;
  }

  /** The text as inserted without snippet support. */
  String plain() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Text t) {
        sb.append(t.text());
      } else if (p instanceof Placeholder ph) {
        sb.append(ph.plain());
      }
    }
    return sb.toString();
  }

  /** The text in snippet syntax: literal $, } and \ escaped, placeholders as ${n:name}. */
  String snippet() {
    StringBuilder sb = new StringBuilder();
    int stop = 1;
    for (Part p : parts) {
      if (p instanceof Text t) {
        sb.append(escape(t.text()));
      } else if (p instanceof Placeholder ph) {
        if (ph.name().isEmpty()) {
          sb.append('$').append(stop++);
        } else {
          sb.append("${").append(stop++).append(':').append(escape(ph.name())).append('}');
        }
      } else {
        sb.append("$0");
      }
    }
    return sb.toString();
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' || c == '}' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
