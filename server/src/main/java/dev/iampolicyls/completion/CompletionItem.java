package dev.iampolicyls.completion;

import dev.iampolicyls.codeactions.TextEdit;
import java.util.List;

/**
 * One proposal, in editor terms but free of any protocol: what to show, how to sort and filter it,
 * and the edit that applies it.
 *
 * @param documentation markdown, or null
 * @param filterText what the editor compares the typed text against (that text starts at {@code
 *     edit.offset()}, so it includes the opening quote when a string is being replaced)
 * @param edit the main edit; it always covers the cursor
 * @param snippet whether {@code edit.newText()} is in snippet syntax (tab stops, escaped $ and })
 * @param additionalEdits edits elsewhere, such as the comma a new member needs before it
 */
public record CompletionItem(
    String label,
    CompletionKind kind,
    String detail,
    String documentation,
    String sortText,
    String filterText,
    TextEdit edit,
    boolean snippet,
    List<TextEdit> additionalEdits) {

  public CompletionItem {
    additionalEdits = List.copyOf(additionalEdits);
  }
}
