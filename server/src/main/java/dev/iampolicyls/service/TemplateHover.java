package dev.iampolicyls.service;

import dev.iampolicyls.embedded.EmbeddedPolicy;
import dev.iampolicyls.embedded.HostDocument;
import dev.iampolicyls.hover.HoverEngine;
import dev.iampolicyls.hover.HoverResult;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import java.util.Optional;

/**
 * Hover inside a template: the embedded policies' trees are at the template's offsets, so the
 * policy hover answers unchanged on the policy under the pointer, as the type its place makes it.
 */
final class TemplateHover {
  private TemplateHover() {}

  static Optional<HoverResult> at(HoverEngine engine, HostDocument document, int offset) {
    for (EmbeddedPolicy embedded : document.policies()) {
      if (offset < embedded.offset() || offset > embedded.offset() + embedded.length()) {
        continue;
      }
      // Every reading (Fn::If branch) has the same nodes where the branches agree: the first
      // reading that says something answers.
      for (Policy reading : embedded.readings()) {
        Optional<HoverResult> result = engine.hover(reading, offset, embedded.policyType());
        if (result.isPresent()) {
          return result;
        }
        Statement item = statementOfDash(reading, document.text(), offset);
        if (item != null) {
          return Optional.of(engine.statementSummary(reading, item, offset, offset + 1));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The statement a YAML sequence item's dash at {@code offset} opens: YAML has no brace there, and
   * the statement's map starts at its first key, which has a hover of its own.
   */
  private static Statement statementOfDash(Policy policy, String text, int offset) {
    if (offset >= text.length() || text.charAt(offset) != '-') {
      return null;
    }
    int start = offset + 1;
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    for (Statement s : policy.statements()) {
      if (s.node().offset() == start) {
        return s;
      }
    }
    return null;
  }
}
