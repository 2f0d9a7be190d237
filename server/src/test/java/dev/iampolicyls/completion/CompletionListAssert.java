package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

/**
 * What tests ask of a completion list, shared by the policy and the template completion helpers
 * ({@code Completions}, {@code TemplateCompletions}); {@code S} is the helper, so chains keep it.
 */
public abstract class CompletionListAssert<S extends CompletionListAssert<S>> {
  public final CompletionResult result;

  protected CompletionListAssert(CompletionResult result) {
    this.result = result;
  }

  protected abstract S self();

  public List<String> labels() {
    return result.items().stream().map(CompletionItem::label).toList();
  }

  /** Labels in the order an editor shows them: by sort text, then label. */
  public List<String> sortedLabels() {
    return result.items().stream()
        .sorted(Comparator.comparing(CompletionItem::sortText).thenComparing(CompletionItem::label))
        .map(CompletionItem::label)
        .toList();
  }

  public S has(String... labels) {
    for (String label : labels) {
      assertTrue(labels().contains(label), () -> "missing " + label + " in " + labels());
    }
    return self();
  }

  public S lacks(String... labels) {
    for (String label : labels) {
      assertFalse(labels().contains(label), () -> "unexpected " + label + " in " + labels());
    }
    return self();
  }

  public CompletionItem item(String label) {
    return result.items().stream()
        .filter(i -> i.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("missing " + label + " in " + labels()));
  }
}
