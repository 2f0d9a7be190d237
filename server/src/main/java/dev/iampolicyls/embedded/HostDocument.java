package dev.iampolicyls.embedded;

import dev.iampolicyls.checks.Finding;
import java.util.List;

/**
 * A document that holds policies, as its {@link HostFormat} read it.
 *
 * @param text the whole document: every offset of its policies and findings is into this text
 * @param policies the policies found, in document order
 * @param syntaxFindings the host syntax's own errors (a YAML error while typing)
 */
public record HostDocument(
    String text, List<EmbeddedPolicy> policies, List<Finding> syntaxFindings) {
  public HostDocument {
    policies = List.copyOf(policies);
    syntaxFindings = List.copyOf(syntaxFindings);
  }

  /** The syntax the document is written in, which its edits must keep. */
  public enum Syntax {
    JSON,
    YAML
  }

  /** JSON when the text starts with an object, else YAML (of which JSON is a subset). */
  public Syntax syntax() {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\uFEFF' && !Character.isWhitespace(c)) {
        return c == '{' ? Syntax.JSON : Syntax.YAML;
      }
    }
    return Syntax.YAML;
  }
}
