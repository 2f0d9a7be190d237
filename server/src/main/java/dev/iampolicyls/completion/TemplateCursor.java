package dev.iampolicyls.completion;

import dev.iampolicyls.policy.Statement;
import java.util.List;

/**
 * The cursor inside a policy embedded in a template, as the template's front end found it: the
 * place in the policy, how to write proposals there, and the template's resources.
 *
 * @param context the place, with the policy's nodes around it where the tree has them
 * @param path the JSON path of the place inside the policy (as {@link CursorContext#path()})
 * @param statement the statement around the cursor, or null
 * @param references the template's resources whose references give ARNs
 * @param text the template as the editor has it (the policy may have been read from a text with the
 *     word being typed set aside)
 */
public record TemplateCursor(
    String text,
    CursorContext context,
    List<Object> path,
    Statement statement,
    HostSyntax syntax,
    List<TemplateReference> references) {
  public TemplateCursor {
    path = List.copyOf(path);
    references = List.copyOf(references);
  }
}
