package dev.iampolicyls.checks.conditions;

import java.util.Locale;

/**
 * The global tag keys (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys), which only some
 * actions put in the request context.
 */
final class TagKeyUse {
  private TagKeyUse() {}

  static boolean isTagKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.equals("aws:tagkeys")
        || (lower.startsWith("aws:resourcetag/") && lower.length() > "aws:resourcetag/".length())
        || (lower.startsWith("aws:requesttag/") && lower.length() > "aws:requesttag/".length());
  }

  /**
   * A tag key test that is false when the key is absent, in a statement with the given effect and
   * action element.
   */
  static boolean applies(KeyTest t, String effect, boolean notAction) {
    return isTagKey(t.key())
        && t.failsWhenKeyIsAbsent()
        && effect.equals(t.statement().effectValue().orElse(null))
        && (notAction
            ? t.statement().notAction().isPresent() && t.statement().action().isEmpty()
            : t.statement().action().isPresent());
  }
}
