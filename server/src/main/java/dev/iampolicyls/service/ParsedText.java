package dev.iampolicyls.service;

import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.syntax.LineIndex;
import java.util.function.Function;

/**
 * One version of a document's text, parsed at most once however many requests ask about it. The
 * language server keeps one per open document version, so a check, the hovers and code actions that
 * follow, and the outline share a single parse and line index. Safe to share between threads.
 *
 * <p>Text past {@link PolicyLanguageService#MAX_DOCUMENT_CHARS} is never parsed: its policy view is
 * empty, so every feature offers nothing for it. Text within that size but with more than {@link
 * PolicyLanguageService#MAX_VALUES} values is parsed (that is how they are counted) but gets no
 * features either: see {@link #withinLimits()}.
 */
public final class ParsedText {
  private static final Policy EMPTY = Policy.parse("");

  private final String text;
  private final Function<String, Policy> parser;
  private volatile Policy policy;
  private volatile LineIndex lines;
  private volatile Boolean withinLimits;

  public ParsedText(String text) {
    this(text, Policy::parse);
  }

  /** With another parser; tests count the parses with it. */
  ParsedText(String text, Function<String, Policy> parser) {
    this.text = text;
    this.parser = parser;
  }

  public String text() {
    return text;
  }

  /** Whether the text is past the size limit, and so is not parsed. */
  public boolean tooLarge() {
    return text.length() > PolicyLanguageService.MAX_DOCUMENT_CHARS;
  }

  /**
   * Whether the text is within both size limits, its length and its number of JSON values: the
   * server checks it and offers its features only then. Counted once per text.
   */
  public boolean withinLimits() {
    Boolean within = withinLimits;
    if (within == null) {
      within =
          !tooLarge()
              && PolicyLanguageService.countValues(policy().document().root())
                  <= PolicyLanguageService.MAX_VALUES;
      withinLimits = within;
    }
    return within;
  }

  /** The policy view of the text (empty when the text is too large). */
  public Policy policy() {
    Policy p = policy;
    if (p == null) {
      // Locked, so that a check and a completion asking at once still parse only once.
      synchronized (this) {
        p = policy;
        if (p == null) {
          p = tooLarge() ? EMPTY : parser.apply(text);
          policy = p;
        }
      }
    }
    return p;
  }

  /** Line starts of the text, for converting offsets to editor positions and back. */
  public LineIndex lines() {
    LineIndex l = lines;
    if (l == null) {
      l = tooLarge() ? new LineIndex(text) : policy().document().lines();
      lines = l;
    }
    return l;
  }
}
