package dev.iampolicyls.completion;

/**
 * What the client can do with proposals.
 *
 * @param snippetSupport whether edits may hold snippet tab stops; without it every edit is plain
 *     text
 */
public record CompletionOptions(boolean snippetSupport) {
  public static final CompletionOptions PLAIN = new CompletionOptions(false);
  public static final CompletionOptions SNIPPETS = new CompletionOptions(true);
}
