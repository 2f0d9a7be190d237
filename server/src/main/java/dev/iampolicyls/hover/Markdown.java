package dev.iampolicyls.hover;

import java.util.ArrayList;
import java.util.List;

/** Small Markdown helpers: policy text is full of characters Markdown would read as markup. */
final class Markdown {
  private Markdown() {}

  /** Inline code; a backtick inside (rare in policies) gets a longer fence. */
  static String code(String text) {
    String fence = text.contains("`") ? "``" : "`";
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + text + pad + fence;
  }

  static List<String> codes(List<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(code(t));
    }
    return out;
  }

  /**
   * Plain text with the characters escaped that Markdown would read as markup inside a line (a
   * sentence never starts a line with # or -, so those stay as they are, readable in raw views).
   */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>|~".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  static String bold(String text) {
    return "**" + text + "**";
  }

  /** Paragraphs separated by blank lines, empty ones dropped. */
  static String paragraphs(List<String> parts) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        kept.add(p);
      }
    }
    return String.join("\n\n", kept);
  }
}
