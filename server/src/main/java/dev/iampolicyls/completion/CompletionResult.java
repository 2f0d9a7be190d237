package dev.iampolicyls.completion;

import java.util.List;

/**
 * The proposals at one position.
 *
 * @param incomplete true when the server filtered in a way the editor cannot repeat (wildcards,
 *     words inside names, typed text copied into an ARN), so it should ask again as typing goes on
 */
public record CompletionResult(List<CompletionItem> items, boolean incomplete) {
  public static final CompletionResult EMPTY = new CompletionResult(List.of(), false);

  public CompletionResult {
    items = List.copyOf(items);
  }
}
