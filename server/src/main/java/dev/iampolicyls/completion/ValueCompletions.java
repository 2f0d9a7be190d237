package dev.iampolicyls.completion;

/** The fixed values of Version and Effect. */
final class ValueCompletions {
  private ValueCompletions() {}

  static void versions(Request r) {
    fixed(
        r,
        new String[] {"2012-10-17", "2008-10-17"},
        new String[] {
          "The current policy language version.",
          "An older version: policy variables are taken literally. Prefer `2012-10-17`."
        });
  }

  static void effects(Request r) {
    fixed(
        r,
        new String[] {"Allow", "Deny"},
        new String[] {
          "The statement allows the actions.",
          "The statement denies the actions; an explicit deny wins over any allow."
        });
  }

  private static void fixed(Request r, String[] values, String[] docs) {
    for (int i = 0; i < values.length; i++) {
      if (r.out().startsWithTyped(values[i])) {
        r.out()
            .value(
                values[i],
                CompletionKind.VALUE,
                null,
                docs[i],
                Proposals.sort(0, i),
                Snippet.of(values[i]),
                true);
      }
    }
  }
}
