package dev.iampolicyls.semantics;

import java.util.ArrayList;
import java.util.List;

/**
 * A Resource string of a policy read as a language of ARNs: {@code *} any run of characters (colons
 * and slashes too, as IAM matches), {@code ?} any one character, and a policy variable ({@code
 * ${aws:username}}) some value without {@code /}.
 *
 * <p>Two readings: {@link #glob()} is every ARN the pattern may match whatever the variables hold
 * (for "can it name this type"); {@link #surely} is what it surely matches, a variable then
 * matching nothing, so "covers" answers hold for every value the variable may take.
 */
public final class ResourcePattern {
  private final String text;
  private final List<String> fields;
  private ResourceGlob glob; // compiled on first use: most comparisons go field by field
  private final String resourceHead;
  private final ResourceGlob[] fieldGlobs;

  private ResourcePattern(String text) {
    this.text = text;
    this.fields = fields(text);
    if (fields.size() == 6) {
      fieldGlobs = new ResourceGlob[6];
      for (int k = 0; k < 6; k++) {
        fieldGlobs[k] = compile(fields.get(k), true, k);
      }
    } else {
      fieldGlobs = null;
    }
    this.resourceHead = fields.size() == 6 ? head(fields.get(5), "*?$") : null;
  }

  /**
   * The literal start of a resource part, lower case: the text before the first character of {@code
   * stops}. Two ARNs whose heads disagree name nothing in common, which decides most comparisons of
   * a pattern with the types of its service without the engine.
   */
  static String head(String resourcePart, String stops) {
    int end = 0;
    while (end < resourcePart.length() && stops.indexOf(resourcePart.charAt(end)) < 0) {
      end++;
    }
    return resourcePart.substring(0, end).toLowerCase(java.util.Locale.ROOT);
  }

  /** The six fields as globs ({@link #glob} cut at its colons), or null without six fields. */
  ResourceGlob[] fieldGlobs() {
    return fieldGlobs;
  }

  /** The literal start of the resource part ({@link #head}), or null for a text without one. */
  String resourceHead() {
    return resourceHead;
  }

  public static ResourcePattern of(String text) {
    return new ResourcePattern(text);
  }

  public String text() {
    return text;
  }

  /** Whether the pattern is only stars: every resource. */
  public boolean isStar() {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }

  /** The colon-separated fields (at most six; see {@link #fields(String)}). */
  public List<String> fields() {
    return fields;
  }

  ResourceGlob glob() {
    if (glob == null) {
      glob = compile(text, true);
    }
    return glob;
  }

  /** Whether the partition is one value (a policy is read in one partition): not a wildcard. */
  boolean fixesPartition() {
    return fields.size() == 6 && !hasWildcard(fields.get(1));
  }

  /** Whether the account field names one account: a literal ID or a variable, no wildcard. */
  public boolean namesOneAccount() {
    return fields.size() == 6 && !fields.get(4).isEmpty() && !hasWildcard(fields.get(4));
  }

  /**
   * What the pattern surely matches, a variable matching nothing, so that "covers" holds for every
   * value it may take. The partition, when {@link #fixesPartition}, and the account, when asked,
   * become the marks {@link ResourceFormat#fixing} puts in the format: covering then means covering
   * every resource of the type within that partition (and account).
   */
  ResourceGlob surely(boolean fixAccount) {
    ResourceGlob compiled = surely[fixAccount ? 1 : 0];
    if (compiled == null) {
      compiled = compileSurely(fixAccount);
      surely[fixAccount ? 1 : 0] = compiled; // a benign race: both compile the same
    }
    return compiled;
  }

  /** {@link #surely} per whether the account is held fixed, compiled on first use. */
  private final ResourceGlob[] surely = new ResourceGlob[2];

  private ResourceGlob compileSurely(boolean fixAccount) {
    if (fields.size() < 6) {
      return compile(text, false);
    }
    List<String> parts = new ArrayList<>(fields);
    if (fixesPartition()) {
      parts.set(1, String.valueOf(ResourceFormat.PARTITION_MARK));
    }
    if (fixAccount) {
      parts.set(4, String.valueOf(ResourceFormat.ACCOUNT_MARK));
    }
    return compile(String.join(":", parts), false);
  }

  private static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  /**
   * Tokens of a pattern; a variable is a run without {@code /} when {@code variablesMayMatch}, else
   * a token nothing matches.
   */
  private static ResourceGlob compile(String s, boolean variablesMayMatch) {
    return compile(s, variablesMayMatch, 0);
  }

  /** As {@link #compile(String, boolean)} for text that starts in field {@code firstField}. */
  private static ResourceGlob compile(String s, boolean variablesMayMatch, int firstField) {
    ResourceGlob.Builder b = ResourceGlob.builder();
    int colons = firstField;
    for (int i = 0; i < s.length(); i++) {
      // Before the resource part a wildcard stays in its field: no ARN holds a colon there.
      int any = colons < 5 ? ResourceGlob.ANY & ~ResourceGlob.COLON : ResourceGlob.ANY;
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i + 2);
        if (close > 0) {
          if (variablesMayMatch) {
            b.run(any & ResourceGlob.NOT_SLASH);
          } else {
            b.one(ResourceGlob.NOTHING);
          }
          i = close;
          continue;
        }
      }
      if (c == '*') {
        b.run(any);
      } else if (c == '?') {
        b.one(any);
      } else {
        colons += c == ':' ? 1 : 0;
        b.literal(String.valueOf(c));
      }
    }
    return b.build();
  }

  /**
   * The colon-separated fields of an ARN or pattern, at most six (the last keeps any further
   * colons); colons inside a policy variable ({@code ${aws:username}}) do not separate fields.
   */
  public static List<String> fields(String text) {
    List<String> out = new ArrayList<>(6);
    int start = 0;
    int i = 0;
    while (i < text.length() && out.size() < 5) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i + 2);
        if (close > 0) {
          i = close + 1;
          continue;
        }
      }
      if (c == ':') {
        out.add(text.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    out.add(text.substring(start));
    return out;
  }
}
